import { englandAndWalesBankHolidays } from '@shared/calendar/england-and-wales-bank-holidays';
import fc from 'fast-check';
import { addCalendarDays, compareIsoDates, createCalendar, type DayUnit } from '@shared/calendar';

/** Academic years 2024/25 to 2032/33 with an INSET day at the start of each. */
const years = Array.from({ length: 9 }, (_, i) => 2024 + i);
const calendar = createCalendar(
  {
    region: 'england-and-wales',
    termDates: years.map((y) => ({ start: `${y}-09-02`, end: `${y + 1}-07-18` })),
    closures: years.map((y) => ({ date: `${y}-09-02`, label: 'INSET', appliesTo: 'school' })),
  },
  englandAndWalesBankHolidays(),
);

const startDate = fc.integer({ min: 0, max: 2000 }).map((i) => addCalendarDays('2024-09-01', i));
const unit = fc.constantFrom<DayUnit>('school', 'working');

describe('ProviderCalendar properties', () => {
  it('X-01: addDays and countDaysBetween agree for school and working days', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 40 }), unit, (start, n, u) => {
        const end = calendar.addDays(start, n, u);
        expect(compareIsoDates(start, end)).toBe(-1);
        expect(calendar.isCountingDay(end, u)).toBe(true);
        expect(calendar.countDaysBetween(start, end, u)).toBe(n);
      }),
    );
  });
});
