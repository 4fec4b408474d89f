import { CardTooLargeError } from './card-errors';
import type { AdaptiveCard, CardElement, CardRefresh } from './card-types';

/** Teams recommends keeping a bot message within 80 KB (the hard limit is 100 KB). */
export const maxCardBytes = 80 * 1024;

/** The most users Teams refreshes per card (`refresh.userIds`). */
export const maxRefreshUsers = 60;

const schema = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** The UTF-8 size of a card as sent. */
export function cardBytes(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

/** Assembles an Adaptive Card 1.5 and refuses (typed error) one over the size limit. */
export function buildCard(body: readonly CardElement[], refresh?: CardRefresh): AdaptiveCard {
  const base: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: schema,
    version: '1.5',
    body,
  };
  const card: AdaptiveCard = refresh === undefined ? base : { ...base, refresh };
  const bytes = cardBytes(card);
  if (bytes > maxCardBytes) throw new CardTooLargeError(bytes, maxCardBytes);
  return card;
}
