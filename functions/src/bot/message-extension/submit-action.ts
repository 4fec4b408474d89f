import type { IMessageExtensionSubmitActionInvokeActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { raiseConcernCommandId, verbs, type AdaptiveCard } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import { actorOf } from '../actor';
import type { BotDeps } from '../bot-deps';
import { cardMessage } from '../card-reply';
import { commandIdFor } from '../command-id';
import { categoryChoices, concernChoices } from '../concern/concern-form';
import {
  messageSource,
  parseSubmission,
  raiseConcern,
  type ConcernSubmission,
} from '../concern/raise-concern';
import { concernDialog, dialogMessage, type DialogReply } from './dialog';
import { sourceMessage } from './message-source';

type Ctx = IActivityContext<IMessageExtensionSubmitActionInvokeActivity>;

async function formAgain(
  deps: BotDeps,
  who: Identity,
  ctx: Ctx,
  error: string,
  typed?: ConcernSubmission,
): Promise<DialogReply> {
  const choices = await concernChoices(deps, who);
  if (!choices.ok) return dialogMessage(error);
  const source = sourceMessage(ctx.activity.value);
  const base = {
    trainees: choices.value.trainees,
    categories: categoryChoices(choices.value.categories),
    description: typed?.description ?? source.text,
    sourceAuthor: source.author ?? null,
    error,
  };
  return concernDialog(typed === undefined ? base : { ...base, selectedCaseId: typed.caseId });
}

// Posting is not awaited: the invoke must be answered within 5 s, and the concern is already
// stored. A failed post is logged; the concern stays recorded either way.
function post(ctx: Ctx, deps: BotDeps, card: AdaptiveCard): void {
  ctx.send(cardMessage(card)).catch((error: unknown) => {
    deps.log.warn('The concern is recorded but its confirmation card could not be posted', {
      error,
    });
  });
}

/**
 * `composeExtension/submitAction`: validates the form with zod, raises the concern through the
 * service (source: the Teams message), posts a confirmation card without the concern's text to
 * the conversation, and answers the dialog with a message (within Teams' 5 s). Invalid input or
 * a refusal keeps the form open.
 */
export async function onSubmitAction(ctx: Ctx, deps: BotDeps): Promise<DialogReply> {
  const { value } = ctx.activity;
  if (value.commandId !== raiseConcernCommandId)
    return dialogMessage('This app has no such command.');
  const who = actorOf(ctx.activity);
  if (!who.ok) return dialogMessage(who.refusal.message);
  const submission = parseSubmission(value.data);
  if (!submission.ok) return formAgain(deps, who.value, ctx, submission.refusal.message);
  const source = sourceMessage(value);
  const s = submission.value;
  const commandId = commandIdFor(ctx.activity.id, [
    who.value.tid,
    who.value.oid,
    verbs.submitConcern,
    s.caseId,
  ]);
  const shared = ctx.activity.conversation.conversationType !== 'personal';
  const card = await raiseConcern(deps, who.value, {
    submission: s,
    source: messageSource(source.url, source.author),
    commandId,
    shared,
  });
  if (!card.ok) return formAgain(deps, who.value, ctx, card.refusal.message, s);
  post(ctx, deps, card.value);
  return dialogMessage(recordedMessage);
}

/**
 * What the dialog says once the concern is stored: Teams needs a response body here (an empty
 * one shows "Invalid response returned from your app", issue 11 item 14). No case details: it
 * may be read over the shoulder in a shared chat, like the card posted there.
 */
export const recordedMessage =
  'The concern is recorded. Only the people on the case can see it, in the app.';
