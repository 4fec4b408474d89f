import type { DayUnit, ProviderCalendar } from '../../calendar';
import { addCalendarDays } from '../../calendar';

/** Calendar days searched backwards before giving up (a calendar with no counting days). */
const SEARCH_LIMIT_DAYS = 3 * 366;

/**
 * The n-th counting day before `date` (`date` itself never counts; n = 0 returns it): the
 * mirror of `calendar.addDays`, for "N school days before the review date". Null when the
 * calendar has no counting days in the search range.
 */
export function countingDaysBefore(
  calendar: ProviderCalendar,
  date: string,
  n: number,
  unit: DayUnit,
): string | null {
  let current = date;
  for (let remaining = n, searched = 0; remaining > 0; searched += 1) {
    if (searched > SEARCH_LIMIT_DAYS) return null;
    current = addCalendarDays(current, -1);
    if (calendar.isCountingDay(current, unit)) remaining -= 1;
  }
  return current;
}
