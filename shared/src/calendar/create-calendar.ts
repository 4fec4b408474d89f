import { z } from 'zod';
import type { BankHolidaySource } from './bank-holiday-source';
import { CalendarError } from './calendar-error';
import { calendarSettingsSchema, type CalendarSettings } from './calendar-settings';
import { addCountingDays, countCountingDays } from './counting-days';
import type { IsoDate } from './iso-date';
import { nonCountingReason, type CalendarRules } from './non-counting-reason';
import type { DayUnit, ProviderCalendar } from './provider-calendar';

/** Builds a provider's calendar; throws {@link CalendarError} if `settings` fail validation. */
export function createCalendar(
  settings: CalendarSettings,
  bankHolidays: BankHolidaySource,
): ProviderCalendar {
  const parsed = calendarSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new CalendarError(`invalid calendar settings:\n${z.prettifyError(parsed.error)}`);
  }
  const rules: CalendarRules = {
    bankHolidays,
    terms: parsed.data.termDates,
    closuresByDate: new Map(parsed.data.closures.map((c) => [c.date, c])),
  };
  const reasonNotCounting = (date: IsoDate, unit: DayUnit): string | null =>
    nonCountingReason(rules, date, unit);
  const isCountingDay = (date: IsoDate, unit: DayUnit): boolean =>
    reasonNotCounting(date, unit) === null;

  return {
    isCountingDay,
    reasonNotCounting,
    addDays: (start, n, unit) => addCountingDays((d) => isCountingDay(d, unit), start, n, unit),
    countDaysBetween: (start, end, unit) =>
      countCountingDays((d) => isCountingDay(d, unit), start, end),
  };
}
