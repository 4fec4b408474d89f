import type { CaseSummary } from '../domain/view';
import type { CardElement } from './card-types';
import { actionSet, container, execute, note, paragraph, run } from './elements';
import { formatDate } from './format';
import { verbs } from './verbs';

/** The most cases a list card shows; the rest are in the app. */
export const maxListedCases = 25;

function row(summary: CaseSummary): CardElement {
  const review =
    summary.nextReviewDate === null
      ? 'no review date set'
      : `review ${formatDate(summary.nextReviewDate)}`;
  return container(
    [
      paragraph(run(summary.traineeName, { weight: 'Bolder' })),
      paragraph(
        run(`${summary.stageLabel ?? 'No stage yet'}, ${review}`, { isSubtle: true }),
        ...(summary.reviewOverdue
          ? [run(' (overdue)', { color: 'Attention', weight: 'Bolder' })]
          : []),
      ),
      actionSet([execute('Open', { verb: verbs.openCase, caseId: summary.caseId })]),
    ],
    true,
  );
}

/** One row per case (at most `maxListedCases`), each with an Open button. */
export function caseRows(cases: readonly CaseSummary[], empty: string): CardElement[] {
  if (cases.length === 0) return [note(empty)];
  const rows = cases.slice(0, maxListedCases).map(row);
  const more = cases.length - maxListedCases;
  return more > 0
    ? [...rows, note(`And ${more} more: open the Support plans app to see them all.`)]
    : rows;
}
