import type { DecisionContext } from './context';
import { windowAnchor } from './review-window';
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
