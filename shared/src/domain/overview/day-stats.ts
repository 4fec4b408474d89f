import { toUtcDate } from '../../calendar/utc-date';

const MS_PER_DAY = 86_400_000;

/** Calendar days from `start` to `end` (both civil dates; the start day itself not counted). */
export function calendarDaysBetween(start: string, end: string): number {
  return Math.round((toUtcDate(end).getTime() - toUtcDate(start).getTime()) / MS_PER_DAY);
}

/** Median and mean of a list of day counts (null when empty), the mean to one decimal place. */
export interface DayStats {
  readonly runs: number;
  readonly medianDays: number | null;
  readonly meanDays: number | null;
}

/** The median (middle value, or the mean of the two middle values) and mean of `days`. */
export function dayStats(days: readonly number[]): DayStats {
  if (days.length === 0) return { runs: 0, medianDays: null, meanDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = sorted.reduce((sum, d) => sum + d, 0) / sorted.length;
  return { runs: days.length, medianDays: median, meanDays: Math.round(mean * 10) / 10 };
}
