import type { DecisionContext } from './context';
import { reviewWindow } from './review-window';
import { stageDefinition } from './stage-lookup';
import type { CaseState } from './state';
import type { ReviewWindow } from './view';

/** A review window as compared before and after a settings change. */
export interface WindowDates {
  readonly earliest: string | null;
  readonly latest: string | null;
  readonly indicative: string | null;
  readonly unit: 'school' | 'working';
}

/** How one open case's current review window moves when the provider's settings change (item 11). */
export interface WindowChange {
  readonly instanceId: string;
  readonly stageId: string;
  readonly before: WindowDates;
  readonly after: WindowDates;
  /** Whether the plan's agreed review date now falls outside the new window. */
  readonly agreedDateOutside: boolean;
  readonly rules: readonly string[];
}

const dates = (w: ReviewWindow): WindowDates => ({
  earliest: w.earliest,
  latest: w.latest,
  indicative: w.indicative,
  unit: w.unit,
});

/** The change to an open case's current window between two contexts, or null when it does not move. */
export function windowChange(
  before: DecisionContext,
  after: DecisionContext,
  state: CaseState,
): WindowChange | null {
  const instance = state.status.kind === 'open' ? state.current : null;
  const stage = instance === null ? undefined : stageDefinition(after.definition, instance.stageId);
  if (instance === null || stage === undefined) return null;
  const old = reviewWindow(stage, instance, state, before.settings, before.calendar);
  const now = reviewWindow(stage, instance, state, after.settings, after.calendar);
  if (old === null || now === null) return null;
  const [a, b] = [dates(old), dates(now)];
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  const agreed = instance.plan.reviewDate;
  const outside =
    agreed !== null &&
    ((b.earliest !== null && agreed < b.earliest) || (b.latest !== null && agreed > b.latest));
  return {
    instanceId: instance.instanceId,
    stageId: stage.id,
    before: a,
    after: b,
    agreedDateOutside: outside,
    rules: now.rules,
  };
}
