import { CalendarError } from './calendar-error';
import type { IsoDate } from './iso-date';

// Created on first use: building a time-zone formatter loads ICU zone data (about 15 ms),
// which the Functions entry point should not pay at load.
let ukDateFormat: Intl.DateTimeFormat | undefined;

function ukFormat(): Intl.DateTimeFormat {
  ukDateFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return ukDateFormat;
}

/** The civil date in Europe/London (GMT or BST) at the instant `now`. */
export function todayInUk(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) {
    throw new CalendarError('cannot take the UK date of an invalid Date');
  }
  const parts = ukFormat().formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
