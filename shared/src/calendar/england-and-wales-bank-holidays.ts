import Holidays from 'date-holidays';
import type { BankHolidaySource } from './bank-holiday-source';
import type { IsoDate } from './iso-date';
import { toUtcDate } from './utc-date';

/** England and Wales bank holidays from `date-holidays` (GB/ENG, public holidays only), cached per year. */
export function englandAndWalesBankHolidays(): BankHolidaySource {
  const holidays = new Holidays('GB', 'ENG', { types: ['public'] });
  const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

  const holidaysIn = (year: number): ReadonlyMap<IsoDate, string> => {
    const cached = byYear.get(year);
    if (cached !== undefined) return cached;
    // date-holidays reads the clock when given year 0, so that year (long before any bank holiday) is skipped.
    const found = year < 1 ? [] : holidays.getHolidays(year).filter((h) => h.type === 'public');
    const dates = new Map(found.map((h) => [h.date.slice(0, 10), h.name]));
    byYear.set(year, dates);
    return dates;
  };

  return {
    isBankHoliday: (date) => holidaysIn(toUtcDate(date).getUTCFullYear()).get(date) ?? null,
  };
}
