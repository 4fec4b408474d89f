import { addCalendarDays } from '../../calendar';
import type { StageDefinition } from '../../procedures/schema';
import type { DecisionContext } from '../context';
import { overdueFlag, overdueLadder } from '../overdue-ladder';
import { reviewWindow } from '../review-window';
import { rolesParam } from '../settings';
import type { CaseState, StageInstance } from '../state';
import type { ReviewWindow } from '../view';
import { countingDaysBefore } from './count-back';
import type { DueItem } from './due-item';

/** The review date the current run is held to: the agreed date, else the window's end. */
function reviewDue(instance: StageInstance, window: ReviewWindow | null): string | null {
  const reviewed = instance.reviews.at(-1)?.planVersion === instance.plan.version;
  if (reviewed) return null;
  return instance.plan.reviewDate ?? window?.latest ?? null;
}

function setting(ctx: DecisionContext, key: string): number | null {
  const value = ctx.settings[key];
  return typeof value === 'number' ? value : null;
}

/**
 * Review reminders for the current stage run: N school days before the due date (setting
 * `reviewNoticeDays`; ME-16, ME-48, BF-18), on the day, then each rung of the overdue ladder the
 * day after its `afterDays` have passed (ME-16, ME-27, ME-48, BF-18). A rung already flagged for
 * that due date, or below one flagged, is not due again.
 */
export function reviewItems(
  ctx: DecisionContext,
  state: CaseState,
  stage: StageDefinition,
  instance: StageInstance,
): DueItem[] {
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const due = reviewDue(instance, window);
  if (due === null) return [];
  const rules = window?.rules ?? stage.reviewDate?.rules ?? stage.rules;
  const reviewers = stage.review === undefined ? [] : rolesParam(ctx.settings, stage.review.by);
  const notify = reviewers.length > 0 ? reviewers : (['courseTutor'] as const);
  const occurrence = `${instance.instanceId}:${due}`;
  const items: DueItem[] = [];
  const notice = setting(ctx, 'reviewNoticeDays');
  const before = notice === null ? null : countingDaysBefore(ctx.calendar, due, notice, 'school');
  if (before !== null && before > instance.startedOn)
    items.push({ kind: 'review-soon', occurrence, dueOn: before, rules, notify });
  items.push({ kind: 'review-today', occurrence, dueOn: due, rules, notify });
  const unit = window?.unit ?? 'working';
  const ladder = overdueLadder(ctx.definition);
  const flagged = ladder
    .filter((r) => instance.overdueFlags.includes(overdueFlag(due, r.rung)))
    .map((r) => r.rung);
  const top = Math.max(0, ...flagged);
  for (const rung of ladder.filter((r) => r.rung > top)) {
    items.push({
      kind: 'overdue',
      occurrence: `${occurrence}:r${String(rung.rung)}`,
      dueOn: addCalendarDays(ctx.calendar.addDays(due, rung.afterDays, unit), 1),
      rules: rung.rules.length > 0 ? rung.rules : rules,
      notify: rung.notify,
    });
  }
  return items;
}

/**
 * A maximum period about to pass (ME-37: a Cause for Concern lasts no longer than 10 working
 * days; ME-59: the final review no later than ten working days after the first Cause for
 * Concern meeting): `windowWarningDays` counting days before the window's end, to those who set
 * the review date, while the review is not recorded.
 */
export function windowItems(
  ctx: DecisionContext,
  state: CaseState,
  stage: StageDefinition,
  instance: StageInstance,
): DueItem[] {
  if (stage.reviewDate?.warnBeforeMaximum !== true) return [];
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const days = setting(ctx, 'windowWarningDays');
  if (window?.latest === null || window === null || days === null) return [];
  if (reviewDue(instance, window) === null) return [];
  const dueOn = countingDaysBefore(ctx.calendar, window.latest, days, window.unit);
  if (dueOn === null) return [];
  return [
    {
      kind: 'window-closing',
      occurrence: `${instance.instanceId}:${window.latest}`,
      dueOn,
      rules: window.rules,
      notify: rolesParam(ctx.settings, stage.reviewDate.setBy),
    },
  ];
}
