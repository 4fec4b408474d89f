import type { DecisionContext } from './context';
import { windowAnchor, windowFrom } from './review-window';
import { stageDefinition } from './stage-lookup';
import type { CaseState } from './state';

/** What the sweep needs to know a case's review due date under today's settings, without its state. */
export interface ReviewDueInputs {
  readonly stageId: string | null;
  /** The date the window counts from. */
  readonly reviewAnchor: string | null;
  /** The review date agreed on the plan, if any (it does not move with settings). */
  readonly planReviewDate: string | null;
  /** False when the current plan has been reviewed (nothing can be overdue). */
  readonly reviewPending: boolean;
}

/** The inputs for the current stage run of an open case. */
export function reviewDueInputs(ctx: DecisionContext, state: CaseState): ReviewDueInputs {
  const instance = state.status.kind === 'open' ? state.current : null;
  const stage = instance === null ? undefined : stageDefinition(ctx.definition, instance.stageId);
  if (instance === null || stage === undefined)
    return { stageId: null, reviewAnchor: null, planReviewDate: null, reviewPending: false };
  const reviewed = instance.reviews.at(-1)?.planVersion === instance.plan.version;
  return {
    stageId: stage.id,
    reviewAnchor: stage.reviewDate === undefined ? null : windowAnchor(stage, instance, state),
    planReviewDate: instance.plan.reviewDate,
    reviewPending: !reviewed,
  };
}

/**
 * The review due date under the settings and calendar in `ctx` (item 7): the agreed plan date, or
 * the end of the window recounted from its anchor, so a settings change that moves the window is
 * seen by the sweep even though the case itself was not written.
 */
export function reviewDueNow(ctx: DecisionContext, inputs: ReviewDueInputs): string | null {
  if (!inputs.reviewPending || inputs.stageId === null) return null;
  if (inputs.planReviewDate !== null) return inputs.planReviewDate;
  const stage = stageDefinition(ctx.definition, inputs.stageId);
  if (stage === undefined || inputs.reviewAnchor === null) return null;
  return windowFrom(stage, inputs.reviewAnchor, ctx.settings, ctx.calendar)?.latest ?? null;
}
