import type { IsoDate } from './iso-date';

/** Which days count towards a window: school days (term time) or working days (Mon–Fri). */
export type DayUnit = 'school' | 'working';

/** A provider's working-day calendar, used to compute and explain procedure deadlines. */
export interface ProviderCalendar {
  /** Working: Mon–Fri, not a bank holiday or 'all' closure. School: a working day in term, not a 'school' closure. */
  isCountingDay(date: IsoDate, unit: DayUnit): boolean;
  /** The n-th counting day after `start` (start itself never counts; n = 0 returns start). */
  addDays(start: IsoDate, n: number, unit: DayUnit): IsoDate;
  /** The number of counting days d with start < d <= end (0 if end <= start). */
  countDaysBetween(start: IsoDate, end: IsoDate, unit: DayUnit): number;
  /** Why `date` does not count (e.g. 'Saturday', 'Bank holiday: Easter Monday', 'Outside term'), or null if it does. */
  reasonNotCounting(date: IsoDate, unit: DayUnit): string | null;
}
