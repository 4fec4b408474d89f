import { buildCard, maxRefreshUsers } from './build-card';
import { CardBuildError } from './card-errors';
import type { AdaptiveCard, CardElement } from './card-types';
import { actionSet, execute, heading, note } from './elements';
import { verbs } from './verbs';

/** What the neutral card of a shared conversation (group chat, channel) may carry: ids only. */
export interface SharedCaseCardInput {
  readonly caseId: string;
  /**
   * MRIs of the chat's members who are on the case: their clients fetch their own view. Everyone
   * else keeps this card. At most 60 (Teams' limit); empty means no automatic refresh.
   */
  readonly refreshUserIds: readonly string[];
  /** A link that opens the case in the app (the tab); https only, checked by the caller. */
  readonly appLink?: string;
}

/** The one sentence a shared conversation shows about a case. */
export const sharedCaseText = 'A support case was updated: open it in the app.';

/**
 * The card everyone in a shared conversation may see: no trainee, stage, target, signer or
 * concern, only that a case changed (issue 8 item 1). "Show me" asks the bot for the clicker's
 * own view, which the server decides from their identity; `refresh` does that automatically for
 * the members on the case.
 */
export function sharedCaseCard(input: SharedCaseCardInput): AdaptiveCard {
  if (input.refreshUserIds.length > maxRefreshUsers) {
    throw new CardBuildError(
      `A card refreshes for at most ${maxRefreshUsers} users, not ${input.refreshUserIds.length}.`,
    );
  }
  const showMe = { verb: verbs.refreshCase, caseId: input.caseId };
  const open: CardElement[] =
    input.appLink === undefined
      ? []
      : [{ type: 'Action.OpenUrl', title: 'Open in the app', url: input.appLink }];
  return buildCard(
    [
      heading('Support case'),
      note(sharedCaseText),
      note('Only the people on the case see its details, each in their own view.'),
      actionSet([execute('Show me', showMe), ...open]),
    ],
    { action: execute('Show me', showMe), userIds: input.refreshUserIds },
  );
}
