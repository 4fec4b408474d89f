import type { BankHolidaySource } from './bank-holiday-source';
import type { Closure } from './closure';
import { weekdayName } from './date-arithmetic';
import type { IsoDate } from './iso-date';
import type { DayUnit } from './provider-calendar';
import { isInTerm, type TermDates } from './term-dates';

/** The validated rules a calendar applies to each day. */
export interface CalendarRules {
  bankHolidays: BankHolidaySource;
  terms: readonly TermDates[];
  closuresByDate: ReadonlyMap<IsoDate, Closure>;
}

/** Why `date` is not a counting day for `unit` under `rules`, or null when it counts. */
export function nonCountingReason(
  rules: CalendarRules,
  date: IsoDate,
  unit: DayUnit,
): string | null {
  const weekday = weekdayName(date);
  if (weekday === 'Saturday' || weekday === 'Sunday') return weekday;
  const holiday = rules.bankHolidays.isBankHoliday(date);
  if (holiday !== null) return `Bank holiday: ${holiday}`;
  const closure = rules.closuresByDate.get(date);
  if (closure?.appliesTo === 'all') return `Provider closure: ${closure.label}`;
  if (unit === 'working') return null;
  if (closure !== undefined) return `INSET day: ${closure.label}`;
  const inTerm = rules.terms.length === 0 || rules.terms.some((term) => isInTerm(date, term));
  return inTerm ? null : 'Outside term';
}
