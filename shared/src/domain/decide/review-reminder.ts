import type { Effect } from '../effects';
import type { CaseState } from '../state';
import type { Decision } from './policy';

/**
 * Adds a `cancelReviewReminder` effect for each stage a decision ends (or the case closing ends)
 * that had a review date, so the reviewers' calendar reminder is cancelled (issue 9 §3).
 */
export function withReminderCancellations(state: CaseState, decision: Decision): Decision {
  const ended = new Set<string>();
  for (const event of decision.events) {
    if (event.type === 'StageEnded') ended.add(event.instanceId);
    if (event.type === 'CaseClosed' && state.current !== null) ended.add(state.current.instanceId);
  }
  const current = state.current;
  const cancels: Effect[] =
    current !== null && current.plan.reviewDate !== null && ended.has(current.instanceId)
      ? [{ kind: 'cancelReviewReminder', instanceId: current.instanceId }]
      : [];
  return cancels.length === 0
    ? decision
    : { ...decision, effects: [...decision.effects, ...cancels] };
}
