import { todayInUk } from '../../calendar';
import type { DecisionContext } from '../context';
import { reviewOverdue, reviewWindow } from '../review-window';
import { currentStage } from '../stage-lookup';
import { activeParticipants } from '../actor';
import type { CaseState } from '../state';
import type { Decision } from './policy';

/** Roles told when a review is overdue: the people who can act on it. */
const escalateTo = ['courseTutor', 'programmeLead', 'director'] as const;

/**
 * The timer's decision for one case: if its review is overdue and not yet escalated for that due
 * date, record it once and notify the staff who can act (ME-16, ME-27, ME-48, BF-18). A person
 * decides what happens next; the engine never escalates a stage by itself.
 */
export function decideOverdue(ctx: DecisionContext, state: CaseState): Decision | null {
  const current = currentStage(ctx.definition, state);
  if (!current.ok) return null;
  const { stage, instance } = current.value;
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const today = todayInUk(ctx.now);
  if (!reviewOverdue(instance, window, today)) return null;
  const dueDate = instance.plan.reviewDate ?? window?.latest ?? today;
  if (instance.overdueFlags.includes(dueDate)) return null;
  const recipients = activeParticipants(state, escalateTo).map((p) => p.participantId);
  return {
    events: [
      {
        type: 'ReviewOverdueFlagged',
        instanceId: instance.instanceId,
        dueDate,
        at: ctx.now.toISOString(),
      },
    ],
    effects: [
      {
        kind: 'notify',
        template: 'review-overdue',
        recipients,
        rules: window?.rules ?? stage.rules,
      },
      { kind: 'refreshCaseCard' },
    ],
  };
}
