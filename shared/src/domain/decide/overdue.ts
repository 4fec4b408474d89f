import { todayInUk } from '../../calendar';
import type { DecisionContext } from '../context';
import { reviewOverdue, reviewWindow } from '../review-window';
import { currentStage } from '../stage-lookup';
import { roleRecipients } from '../recipients';
import type { CaseState } from '../state';
import type { Decision } from './policy';
import { overdueFlag, overdueLadder, rungReached } from '../overdue-ladder';

/**
 * The timer's decision for one case: when its review is overdue, the highest rung of the overdue
 * ladder reached and not yet recorded for that due date is recorded once and its people told
 * (ME-16, ME-27, ME-48, BF-18; the ladder climbs to programme leadership and the Director). A
 * person decides what happens next; the engine never escalates a stage by itself.
 */
export function decideOverdue(ctx: DecisionContext, state: CaseState): Decision | null {
  const current = currentStage(ctx.definition, state);
  if (!current.ok) return null;
  const { stage, instance } = current.value;
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const today = todayInUk(ctx.now);
  if (!reviewOverdue(instance, window, today)) return null;
  const dueDate = instance.plan.reviewDate ?? window?.latest ?? today;
  const ladder = overdueLadder(ctx.definition);
  const reached = rungReached(ladder, dueDate, today, ctx.calendar, window?.unit ?? 'working');
  if (reached === undefined) return null;
  const flagged = ladder.filter((r) =>
    instance.overdueFlags.includes(overdueFlag(dueDate, r.rung)),
  );
  if (flagged.some((r) => r.rung >= reached.rung)) return null;
  const recipients = roleRecipients(state, ctx.staff, reached.notify);
  const rules = reached.rules.length > 0 ? reached.rules : (window?.rules ?? stage.rules);
  return {
    events: [
      {
        type: 'ReviewOverdueFlagged',
        instanceId: instance.instanceId,
        dueDate,
        at: ctx.now.toISOString(),
        ...(reached.rung > 1 ? { rung: reached.rung } : {}),
      },
    ],
    effects: [
      { kind: 'notify', template: 'review-overdue', recipients, rules },
      { kind: 'refreshCaseCard' },
    ],
  };
}
