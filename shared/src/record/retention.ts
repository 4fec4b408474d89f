import { allInstances } from '../domain/stage-lookup';
import type { CaseState } from '../domain/state';

/** What a retention run does with one case. */
export type RetentionDecision =
  | { readonly kind: 'keep'; readonly reason: string }
  | { readonly kind: 'erase'; readonly dueOn: string }
  | { readonly kind: 'refused'; readonly reason: string; readonly rules: readonly string[] };

/** The default retention: six years after the case closes (provider setting `retentionYears`). */
export const defaultRetentionYears = 6;

/** The civil date `years` after an ISO instant. */
export function yearsAfter(iso: string, years: number): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a case is past retention on `today` (a civil date): only closed cases, `years` after
 * closing, and never while an appeal is lodged and undecided (ME-69).
 */
export function retentionDecision(
  state: CaseState,
  years: number,
  today: string,
): RetentionDecision {
  if (state.status.kind !== 'closed') return { kind: 'keep', reason: 'open' };
  const dueOn = yearsAfter(state.status.closedAt, years);
  if (today < dueOn) return { kind: 'keep', reason: `kept until ${dueOn}` };
  if (allInstances(state).some((s) => s.appeal.status === 'lodged'))
    return {
      kind: 'refused',
      reason: 'An appeal is lodged and not yet decided; the record is kept until it is (ME-69).',
      rules: ['ME-69'],
    };
  return { kind: 'erase', dueOn };
}
