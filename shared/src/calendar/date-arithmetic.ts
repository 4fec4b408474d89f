import { CalendarError } from './calendar-error';
import { isIsoDate, type IsoDate } from './iso-date';
import { fromUtcDate, toUtcDate } from './utc-date';

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The civil date `n` calendar days after `date` (negative `n` goes back); `n` must be an integer. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) {
    throw new CalendarError(`calendar day offset must be a whole number, got ${n}`);
  }
  const shifted = new Date(toUtcDate(date).getTime() + n * MS_PER_DAY);
  const result = Number.isNaN(shifted.getTime()) ? '' : fromUtcDate(shifted);
  if (!isIsoDate(result)) {
    throw new CalendarError(`${date} plus ${n} days is outside the years 0000-9999`);
  }
  return result;
}

/** Orders two civil dates: negative if `a` is earlier than `b`, 0 if equal, positive if later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  for (const date of [a, b]) {
    if (!isIsoDate(date)) {
      throw new CalendarError(`"${date}" is not a real calendar date in YYYY-MM-DD form`);
    }
  }
  // Four-digit years, zero-padded fields: string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The English name of a civil date's weekday, e.g. 'Saturday'. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[toUtcDate(date).getUTCDay()] ?? '';
}
