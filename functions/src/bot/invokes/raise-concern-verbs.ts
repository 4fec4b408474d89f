import { raiseConcernCard, verbs, type AdaptiveCard } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import { ok, type Result } from '@shared/errors/refusal';
import type { BotDeps } from '../bot-deps';
import { cardReply, refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import { categoryChoices, concernChoices } from '../concern/concern-form';
import { parseSubmission, raiseConcern } from '../concern/raise-concern';
import type { CardActionHandler } from './card-action-context';

/** The raise-a-concern form as a chat card (Action.Execute), optionally with a trainee chosen. */
export async function chatConcernForm(
  deps: BotDeps,
  who: Identity,
  selected?: { caseId?: string; description?: string; error?: string },
): Promise<Result<AdaptiveCard>> {
  const choices = await concernChoices(deps, who);
  if (!choices.ok) return choices;
  const base = {
    mode: 'chat' as const,
    trainees: choices.value.trainees,
    categories: categoryChoices(choices.value.categories),
    description: selected?.description ?? '',
    sourceAuthor: null,
  };
  const withCase =
    selected?.caseId === undefined ? base : { ...base, selectedCaseId: selected.caseId };
  return ok(
    raiseConcernCard(
      selected?.error === undefined ? withCase : { ...withCase, error: selected.error },
    ),
  );
}

/** `openRaiseConcern`: the form in chat, from the help card or a case card. */
export const openRaiseConcern: CardActionHandler<'openRaiseConcern'> = async (data, c) => {
  const card = await chatConcernForm(
    c.deps,
    c.who,
    data.caseId === undefined ? {} : { caseId: data.caseId },
  );
  return card.ok ? cardReply(card.value) : refusalReply(card.refusal);
};

/** `submitConcern` from the chat form: raised through the service; the form becomes the confirmation. */
export const submitConcern: CardActionHandler<'submitConcern'> = async (data, c) => {
  const submission = parseSubmission(data);
  if (!submission.ok) return refusalReply(submission.refusal);
  const s = submission.value;
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.submitConcern,
    s.caseId,
  ]);
  const shared = c.ctx.activity.conversation.conversationType !== 'personal';
  const card = await raiseConcern(c.deps, c.who, {
    submission: s,
    source: null,
    commandId,
    shared,
  });
  if (card.ok) return cardReply(card.value);
  const again = await chatConcernForm(c.deps, c.who, {
    caseId: s.caseId,
    description: s.description,
    error: card.refusal.message,
  });
  return again.ok ? cardReply(again.value) : refusalReply(card.refusal);
};
