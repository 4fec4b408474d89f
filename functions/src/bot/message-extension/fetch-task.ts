import type { IMessageExtensionFetchTaskInvokeActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { raiseConcernCommandId } from '@shared/cards';
import { actorOf } from '../actor';
import type { BotDeps } from '../bot-deps';
import { categoryChoices, concernChoices } from '../concern/concern-form';
import { concernDialog, dialogMessage, type DialogReply } from './dialog';
import { sourceMessage } from './message-source';

/**
 * `composeExtension/fetchTask` for the `raiseConcern` action command (contexts `message` and
 * `compose`): the form, prefilled with the message's text and author, limited to the user's own
 * trainees and their procedures' categories.
 */
export async function onFetchTask(
  ctx: IActivityContext<IMessageExtensionFetchTaskInvokeActivity>,
  deps: BotDeps,
): Promise<DialogReply> {
  if (ctx.activity.value.commandId !== raiseConcernCommandId)
    return dialogMessage('This app has no such command.');
  const who = actorOf(ctx.activity);
  if (!who.ok) return dialogMessage(who.refusal.message);
  const choices = await concernChoices(deps, who.value);
  if (!choices.ok) return dialogMessage(choices.refusal.message);
  const source = sourceMessage(ctx.activity.value);
  return concernDialog({
    trainees: choices.value.trainees,
    categories: categoryChoices(choices.value.categories),
    description: source.text,
    sourceAuthor: source.author ?? null,
  });
}
