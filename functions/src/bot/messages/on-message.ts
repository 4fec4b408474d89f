import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { botCommands, errorCard, helpCard } from '@shared/cards';
import { actorOf } from '../actor';
import type { BotDeps } from '../bot-deps';
import { cardMessage } from '../card-reply';
import { rememberConversation } from '../conversations/remember-conversation';
import { textCommands, type BotCommand } from './text-commands';

const isCommand = (text: string): text is BotCommand =>
  (botCommands as readonly string[]).includes(text);

/** The typed text as a command key: mentions and markup removed, case and spacing folded. */
export function commandText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .replace(/[.!?]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A chat message: one of the personal-chat commands, else the help card. In group chats and
 * channels the bot shows no case data at all (privacy): it points to the personal chat.
 */
export async function onMessage(
  ctx: IActivityContext<IMessageActivity>,
  deps: BotDeps,
): Promise<void> {
  if (ctx.activity.conversation.conversationType !== 'personal') {
    await ctx.send(
      'To keep trainees\u2019 details private, I only answer in a personal chat. Open a chat with me to see your cases.',
    );
    return;
  }
  await rememberConversation(ctx.activity, deps.conversations, deps.log);
  const text = commandText(ctx.activity.text);
  const who = actorOf(ctx.activity);
  if (!who.ok) {
    await ctx.send(
      cardMessage(errorCard({ message: who.refusal.message, code: who.refusal.code })),
    );
    return;
  }
  const card = isCommand(text)
    ? await textCommands[text](deps, who.value, ctx)
    : { ok: true as const, value: helpCard() };
  const shown = card.ok
    ? card.value
    : errorCard({ message: card.refusal.message, code: card.refusal.code });
  await ctx.send(cardMessage(shown));
}
