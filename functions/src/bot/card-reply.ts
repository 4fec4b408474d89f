import type {
  AdaptiveCardActionCardResponse,
  AdaptiveCardActionErrorResponse,
  InvokeResponse,
} from '@microsoft/teams.api';
import { errorCard, type AdaptiveCard } from '@shared/cards';
import type { Refusal } from '@shared/errors/refusal';

type SdkCard = AdaptiveCardActionCardResponse['value'];

/** The media type of an Adaptive Card attachment and invoke response. */
export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

/** Our card JSON as the SDK's card type (the same JSON; ours is typed more loosely). */
export function sdkCard(card: AdaptiveCard): SdkCard {
  return card as unknown as SdkCard;
}

/** A message with one card, for sending or updating. */
export function cardMessage(card: AdaptiveCard) {
  return {
    type: 'message' as const,
    attachments: [{ contentType: adaptiveCardType, content: card }],
  };
}

/** An `adaptiveCard/action` answer that replaces the clicker's card. Teams needs HTTP 200. */
export function cardReply(card: AdaptiveCard): InvokeResponse<'adaptiveCard/action'> {
  return { status: 200, body: { statusCode: 200, type: adaptiveCardType, value: sdkCard(card) } };
}

/** A refusal shown in place of the card, in plain words with its code. */
export function refusalReply(
  refusal: Refusal,
  caseId?: string,
): InvokeResponse<'adaptiveCard/action'> {
  const input =
    caseId === undefined
      ? { message: refusal.message, code: refusal.code }
      : { message: refusal.message, code: refusal.code, caseId };
  return cardReply(errorCard(input));
}

/** A malformed action (unknown verb, data that does not parse): Teams shows a generic error. */
export function badActionReply(message: string): InvokeResponse<'adaptiveCard/action'> {
  const body: AdaptiveCardActionErrorResponse = {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message, innerHttpError: { statusCode: 400, body: null } },
  };
  return { status: 200, body };
}
