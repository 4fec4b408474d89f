import type { IAdaptiveCardActionInvokeActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { actionDataSchemas, cardVerbs, type CardVerb } from '@shared/cards';
import { refuse } from '@shared/errors/refusal';
import { actorOf } from '../actor';
import type { BotDeps } from '../bot-deps';
import { badActionReply, refusalReply } from '../card-reply';
import type { CardActionContext, CardActionHandler, CardActionReply } from './card-action-context';
import { cardActionTable } from './card-action-table';

const isCardVerb = (verb: unknown): verb is CardVerb =>
  typeof verb === 'string' && (cardVerbs as readonly string[]).includes(verb);

// The table guarantees `cardActionTable[verb]` takes `actionDataSchemas[verb]`'s output; the
// compiler cannot correlate the two through an indexed union, hence the one cast.
function run(verb: CardVerb, raw: unknown, c: CardActionContext): Promise<CardActionReply> {
  const parsed = actionDataSchemas[verb].safeParse(raw);
  if (!parsed.success) {
    return Promise.resolve(
      badActionReply(`The card sent data the "${verb}" action does not accept.`),
    );
  }
  const handler = cardActionTable[verb] as CardActionHandler<CardVerb>;
  return handler(parsed.data, c);
}

/**
 * `adaptiveCard/action`: routes the verb through the typed table. The actor is the authenticated
 * activity's sender; card data is parsed per verb and holds only ids and inputs (Z1).
 */
export async function onCardAction(
  ctx: IActivityContext<IAdaptiveCardActionInvokeActivity>,
  deps: BotDeps,
): Promise<CardActionReply> {
  const { action } = ctx.activity.value;
  if (!isCardVerb(action.verb))
    return badActionReply('This card action is not one this app offers.');
  const who = actorOf(ctx.activity);
  if (!who.ok) return refusalReply(who.refusal);
  const rate = await deps.limitCardActions?.(who.value);
  if (rate?.limited === true) {
    // R3: a security event (ids only); the card says when to try again.
    deps.log.warn('Card action rate limit reached', { tid: who.value.tid, oid: who.value.oid });
    return refusalReply(
      refuse(
        'RATE_LIMITED',
        `That was a lot of clicks. Try again in ${String(rate.retryAfterSeconds)} seconds.`,
      ),
    );
  }
  return run(action.verb, action.data, { who: who.value, deps, ctx });
}
