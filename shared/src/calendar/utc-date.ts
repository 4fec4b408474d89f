import { CalendarError } from './calendar-error';
import { isIsoDate, type IsoDate } from './iso-date';

/** The UTC-midnight `Date` for a civil date; throws {@link CalendarError} if it is not a real date. */
export function toUtcDate(date: IsoDate): Date {
  if (!isIsoDate(date)) {
    throw new CalendarError(`"${date}" is not a real calendar date in YYYY-MM-DD form`);
  }
  return new Date(`${date}T00:00:00Z`);
}

/** The civil date of a `Date`'s UTC calendar day. */
export function fromUtcDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
