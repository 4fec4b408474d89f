import type { IsoDate } from './iso-date';

/** Looks up bank holidays by civil date. */
export interface BankHolidaySource {
  /** The holiday's name if `date` is a bank holiday, otherwise null. */
  isBankHoliday(date: IsoDate): string | null;
}
