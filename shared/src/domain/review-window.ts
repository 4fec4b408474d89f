import type { ProviderCalendar } from '../calendar';
import type { StageDefinition } from '../procedures/schema';
import type { SettingValues } from './context';
import { paramValue, settingsOf } from './settings';
import type { CaseState, StageInstance } from './state';
import type { ReviewWindow } from './view';

/** The date a stage run's review window counts from (its start, or the previous stage's). */
export function windowAnchor(
  stage: StageDefinition,
  instance: StageInstance,
  state: CaseState,
): string {
  return stage.reviewDate?.anchor === 'previousStageStart'
    ? (state.completedStages.at(-1)?.startedOn ?? instance.startedOn)
    : instance.startedOn;
}

/** The window a stage's review date must fall in, counted on the provider's calendar. */
export function reviewWindow(
  stage: StageDefinition,
  instance: StageInstance,
  state: CaseState,
  settings: SettingValues,
  calendar: ProviderCalendar,
): ReviewWindow | null {
  return windowFrom(stage, windowAnchor(stage, instance, state), settings, calendar);
}

/** The window counted from `anchor` with the settings and calendar given (today's, after a settings change). */
export function windowFrom(
  stage: StageDefinition,
  anchor: string,
  settings: SettingValues,
  calendar: ProviderCalendar,
): ReviewWindow | null {
  const def = stage.reviewDate;
  if (def === undefined) return null;
  const unit = paramValue<'school' | 'working'>(settings, def.unit);
  const min = paramValue<number | null>(settings, def.minDays);
  const max = paramValue<number | null>(settings, def.maxDays);
  const indicative =
    def.indicativeDays === undefined
      ? null
      : paramValue<number | null>(settings, def.indicativeDays);
  return {
    earliest: min === null ? null : calendar.addDays(anchor, min, unit),
    latest: max === null ? null : calendar.addDays(anchor, max, unit),
    indicative: indicative === null ? null : calendar.addDays(anchor, indicative, unit),
    unit,
    rules: def.rules,
    settings: settingsOf(def.unit, def.minDays, def.maxDays, def.indicativeDays),
  };
}

/** True when the review date (or the window's end) has passed without a review being recorded. */
export function reviewOverdue(
  instance: StageInstance,
  window: ReviewWindow | null,
  today: string,
): boolean {
  if (instance.reviews.length > 0 && instance.reviews.at(-1)?.planVersion === instance.plan.version)
    return false;
  const due = instance.plan.reviewDate ?? window?.latest ?? null;
  return due !== null && due < today;
}
