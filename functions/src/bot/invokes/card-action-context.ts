import type { IAdaptiveCardActionInvokeActivity, InvokeResponse } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { ActionDataOf, CardVerb } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import type { BotDeps } from '../bot-deps';

/** Everything a verb handler gets: the authenticated actor, the deps, and the SDK context. */
export interface CardActionContext {
  readonly who: Identity;
  readonly deps: BotDeps;
  readonly ctx: IActivityContext<IAdaptiveCardActionInvokeActivity>;
}

/** The answer to an `adaptiveCard/action` invoke. */
export type CardActionReply = InvokeResponse<'adaptiveCard/action'>;

/** Handles one verb, given its parsed data (ids and inputs only; never the actor). */
export type CardActionHandler<V extends CardVerb> = (
  data: ActionDataOf<V>,
  c: CardActionContext,
) => Promise<CardActionReply>;
