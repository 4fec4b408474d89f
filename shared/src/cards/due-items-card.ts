import { buildCard } from './build-card';
import type { AdaptiveCard, CardElement } from './card-types';
import { maxListedCases } from './case-list';
import { actionSet, container, execute, field, heading, note, paragraph, run } from './elements';
import { formatDate } from './format';
import { verbs } from './verbs';

/** One thing due this week on a case, already in words (our own text and case data). */
export interface DueItem {
  readonly kind: 'review' | 'signature' | 'duty' | 'meeting';
  readonly text: string;
  readonly overdue?: boolean;
}

/** A case with what is due on it this week. */
export interface DueCase {
  readonly caseId: string;
  readonly traineeName: string;
  readonly items: readonly DueItem[];
}

function row(due: DueCase): CardElement {
  return container(
    [
      paragraph(run(due.traineeName, { weight: 'Bolder' })),
      ...due.items.map((item) =>
        paragraph(
          run(`\u2022 ${item.text}`, { isSubtle: true }),
          ...(item.overdue === true
            ? [run(' (overdue)', { color: 'Attention', weight: 'Bolder' })]
            : []),
        ),
      ),
      actionSet([execute('Open', { verb: verbs.openCase, caseId: due.caseId })]),
    ],
    true,
  );
}

/**
 * "Due this week" (issue 11 item 15): per case, reviews due by the end of the week or overdue,
 * plans waiting for this person's signature, open duties, and meetings in the next 7 days.
 */
export function dueItemsCard(cases: readonly DueCase[], weekEnding: string): AdaptiveCard {
  const listed = cases.filter((c) => c.items.length > 0);
  const more = listed.length - maxListedCases;
  return buildCard([
    heading('Due this week'),
    field('Up to', formatDate(weekEnding)),
    note('Reviews, plans waiting for your signature, open duties and meetings in the next 7 days.'),
    ...(listed.length === 0
      ? [note('Nothing is due this week.')]
      : listed.slice(0, maxListedCases).map(row)),
    ...(more > 0 ? [note(`And ${more} more: open the Support plans app to see them all.`)] : []),
  ]);
}
