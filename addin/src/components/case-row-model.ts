import type { CaseSummary } from '../api/schemas';

/** The list's filters and sort, as the user set them. */
export interface ListControls {
  readonly search: string;
  readonly stage: string;
  readonly school: string;
  readonly status: 'open' | 'closed' | 'all';
  readonly due: 'any' | 'overdue' | 'week' | 'needs-you';
  readonly sort: 'review' | 'name' | 'stage';
}

/** Controls as a list first opens: open cases, soonest review first. */
export const initialControls: ListControls = {
  search: '',
  stage: '',
  school: '',
  status: 'open',
  due: 'any',
  sort: 'review',
};

function dueMatches(row: CaseSummary, due: ListControls['due']): boolean {
  if (due === 'any') return true;
  if (due === 'overdue') return row.reviewOverdue;
  if (due === 'needs-you') return row.needsYou.length > 0;
  const days = row.reviewCountdown?.daysLeft;
  return row.reviewOverdue || (days !== undefined && days <= 5);
}

const byReview = (a: CaseSummary, b: CaseSummary) =>
  (a.nextReviewDate ?? '9999').localeCompare(b.nextReviewDate ?? '9999');

/** The rows to show: searched by trainee name, filtered and sorted (presentation only: the API decided the rows). */
export function visibleRows(rows: readonly CaseSummary[], c: ListControls): CaseSummary[] {
  const needle = c.search.trim().toLocaleLowerCase('en-GB');
  const kept = rows.filter(
    (r) =>
      (needle === '' || r.traineeName.toLocaleLowerCase('en-GB').includes(needle)) &&
      (c.stage === '' || (r.stageLabel ?? 'No stage') === c.stage) &&
      (c.school === '' || r.school === c.school) &&
      (c.status === 'all' || r.status === c.status) &&
      dueMatches(r, c.due),
  );
  const compare =
    c.sort === 'name'
      ? (a: CaseSummary, b: CaseSummary) => a.traineeName.localeCompare(b.traineeName, 'en-GB')
      : c.sort === 'stage'
        ? (a: CaseSummary, b: CaseSummary) =>
            (a.stageLabel ?? '').localeCompare(b.stageLabel ?? '', 'en-GB') || byReview(a, b)
        : byReview;
  return [...kept].sort(compare);
}

/** The distinct values a filter can offer. */
export function choices(rows: readonly CaseSummary[], pick: (r: CaseSummary) => string | null) {
  return [...new Set(rows.map(pick).filter((v): v is string => v !== null && v !== ''))].sort();
}
