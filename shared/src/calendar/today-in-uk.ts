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

/** The last minute asked about and its UK date (ICU formatting costs ~30 µs a call). */
let lastMinute: { minute: number; date: IsoDate } | undefined;

/** The civil date in Europe/London (GMT or BST) at the instant `now`. */
export function todayInUk(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) {
    throw new CalendarError('cannot take the UK date of an invalid Date');
  }
  // UK clocks change only on the hour, so every instant of one UTC minute has the same UK date.
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const parts = ukFormat().formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  lastMinute = { minute, date };
  return date;
}
