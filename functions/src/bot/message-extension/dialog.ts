import type { InvokeResponse } from '@microsoft/teams.api';
import { raiseConcernCard, type AdaptiveCard, type RaiseConcernCardInput } from '@shared/cards';
import { adaptiveCardType } from '../card-reply';

/** The answer to a message-extension fetch or submit invoke. */
export type DialogReply = InvokeResponse<'composeExtension/fetchTask'>;

/** Opens (or keeps open) the task module with a card. */
export function dialogReply(card: AdaptiveCard, title = 'Raise a concern'): DialogReply {
  return {
    status: 200,
    body: {
      task: {
        type: 'continue',
        value: {
          title,
          width: 'medium',
          height: 'large',
          card: { contentType: adaptiveCardType, content: card },
        },
      },
    },
  };
}

/** Shows a short message in the task module. */
export function dialogMessage(text: string): DialogReply {
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

/** The raise-a-concern form in a dialog (Action.Submit). */
export function concernDialog(input: Omit<RaiseConcernCardInput, 'mode'>): DialogReply {
  return dialogReply(raiseConcernCard({ ...input, mode: 'dialog' }));
}
