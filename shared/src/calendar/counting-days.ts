import { CalendarError } from './calendar-error';
import { addCalendarDays, compareIsoDates } from './date-arithmetic';
import type { IsoDate } from './iso-date';
import type { DayUnit } from './provider-calendar';

/** How many calendar days to search past the last counting day before giving up. */
const SEARCH_LIMIT_DAYS = 3 * 366;

type IsCounting = (date: IsoDate) => boolean;

/** The n-th date after `start` that satisfies `isCounting`; throws {@link CalendarError} past the search limit. */
export function addCountingDays(
  isCounting: IsCounting,
  start: IsoDate,
  n: number,
  unit: DayUnit,
): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CalendarError(`number of ${unit} days must be a whole number >= 0, got ${n}`);
  }
  let current = addCalendarDays(start, 0);
  let lastFound = current;
  let gap = 0;
  for (let remaining = n; remaining > 0;) {
    current = addCalendarDays(current, 1);
    if (isCounting(current)) {
      remaining -= 1;
      lastFound = current;
      gap = 0;
      continue;
    }
    gap += 1;
    if (gap >= SEARCH_LIMIT_DAYS) {
      throw new CalendarError(`no ${unit} days configured after ${lastFound}`);
    }
  }
  return current;
}

/** The number of dates d with start < d <= end that satisfy `isCounting` (0 if end <= start). */
export function countCountingDays(isCounting: IsCounting, start: IsoDate, end: IsoDate): number {
  if (compareIsoDates(end, start) <= 0) return 0;
  let count = 0;
  for (let d = addCalendarDays(start, 1); compareIsoDates(d, end) <= 0; d = addCalendarDays(d, 1)) {
    if (isCounting(d)) count += 1;
  }
  return count;
}
