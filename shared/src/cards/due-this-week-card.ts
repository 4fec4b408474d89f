import type { CaseSummary } from '../domain/view';
import { buildCard } from './build-card';
import type { AdaptiveCard } from './card-types';
import { caseRows } from './case-list';
import { field, heading } from './elements';
import { formatDate } from './format';

/** Cases whose review is due by the end of the week (or overdue). */
export function dueThisWeekCard(cases: readonly CaseSummary[], weekEnding: string): AdaptiveCard {
  return buildCard([
    heading('Reviews due this week'),
    field('Due by', formatDate(weekEnding)),
    ...caseRows(cases, 'No reviews are due this week.'),
  ]);
}
