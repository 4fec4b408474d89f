import { englandAndWalesBankHolidays } from '@shared/calendar/england-and-wales-bank-holidays';
import {
  CalendarError,
  createCalendar,
  type CalendarSettings,
  type DayUnit,
} from '@shared/calendar';

const bankHolidays = englandAndWalesBankHolidays();

const noTerms = createCalendar(
  { region: 'england-and-wales', termDates: [], closures: [] },
  bankHolidays,
);

/** 2024/25 and autumn 2025 terms (half terms as separate terms), an INSET day and a provider closure. */
const settings: CalendarSettings = {
  region: 'england-and-wales',
  termDates: [
    { start: '2025-01-06', end: '2025-04-04', label: 'Spring' },
    { start: '2025-04-22', end: '2025-05-23', label: 'Summer 1' },
    { start: '2025-06-02', end: '2025-07-22', label: 'Summer 2' },
    { start: '2025-09-01', end: '2025-12-19', label: 'Autumn' },
  ],
  closures: [
    { date: '2025-09-01', label: 'Staff training', appliesTo: 'school' },
    { date: '2025-12-29', label: 'Office closed', appliesTo: 'all' },
    { date: '2025-12-30', label: 'Office closed', appliesTo: 'all' },
    { date: '2025-12-31', label: 'Office closed', appliesTo: 'all' },
  ],
};
const calendar = createCalendar(settings, bankHolidays);

describe('ProviderCalendar working days (real England and Wales bank holidays)', () => {
  it.each([
    [
      '2025-04-16',
      5,
      '2025-04-25',
      'skips Good Friday 18 Apr, the weekend and Easter Monday 21 Apr',
    ],
    ['2025-04-16', 10, '2025-05-02', 'a 10-day window across Easter'],
    ['2025-05-01', 5, '2025-05-09', 'skips the Early May bank holiday 5 May'],
    ['2025-05-23', 1, '2025-05-27', 'skips the weekend and the Spring bank holiday 26 May'],
    ['2025-12-19', 5, '2025-12-30', 'skips Christmas Day and Boxing Day'],
    ['2025-12-30', 2, '2026-01-02', "skips New Year's Day"],
    ['2025-06-06', 1, '2025-06-09', 'Friday to Monday'],
    ['2025-06-07', 1, '2025-06-09', 'a Saturday start'],
    ['2025-06-09', 0, '2025-06-09', 'zero days is the start date'],
  ])('ME-16/ME-27: %s + %i working days = %s (%s)', (start, n, expected) => {
    expect(noTerms.addDays(start, n, 'working')).toBe(expected);
  });

  it.each([
    ['2025-05-01', '2025-05-09', 5],
    ['2025-04-16', '2025-04-25', 5],
    ['2025-12-24', '2026-01-02', 4],
    ['2025-04-18', '2025-04-21', 0],
    ['2025-06-09', '2025-06-09', 0],
    ['2025-06-13', '2025-06-09', 0],
  ])('counts working days in (%s, %s] as %i', (start, end, expected) => {
    expect(noTerms.countDaysBetween(start, end, 'working')).toBe(expected);
  });

  it.each([
    ['2025-04-19', 'Saturday'],
    ['2025-04-20', 'Sunday'],
    ['2025-04-18', 'Bank holiday: Good Friday'],
    ['2025-04-21', 'Bank holiday: Easter Monday'],
    ['2025-05-05', 'Bank holiday: Early May bank holiday'],
    ['2025-05-26', 'Bank holiday: Spring bank holiday'],
    ['2025-12-25', 'Bank holiday: Christmas Day'],
    ['2025-12-26', 'Bank holiday: Boxing Day'],
    ['2025-04-22', null],
  ])('explains %s as %j', (date, reason) => {
    expect(noTerms.reasonNotCounting(date, 'working')).toBe(reason);
    expect(noTerms.isCountingDay(date, 'working')).toBe(reason === null);
  });
});

describe('ProviderCalendar school days', () => {
  it('X-01: school days skip the Easter holidays while working days do not', () => {
    expect(calendar.addDays('2025-04-02', 5, 'school')).toBe('2025-04-24');
    expect(calendar.addDays('2025-04-02', 5, 'working')).toBe('2025-04-09');
    expect(calendar.countDaysBetween('2025-04-04', '2025-04-22', 'school')).toBe(1);
    expect(calendar.countDaysBetween('2025-04-04', '2025-04-22', 'working')).toBe(10);
  });

  it('ME-16/ME-27: a 10 school-day window skips the May half term and the Spring bank holiday', () => {
    expect(calendar.addDays('2025-05-19', 10, 'school')).toBe('2025-06-09');
    expect(calendar.addDays('2025-05-19', 10, 'working')).toBe('2025-06-03');
  });

  it('an INSET day is a working day but not a school day', () => {
    expect(calendar.isCountingDay('2025-09-01', 'working')).toBe(true);
    expect(calendar.isCountingDay('2025-09-01', 'school')).toBe(false);
    expect(calendar.reasonNotCounting('2025-09-01', 'school')).toBe('INSET day: Staff training');
    expect(calendar.addDays('2025-08-29', 1, 'school')).toBe('2025-09-02');
    expect(calendar.addDays('2025-08-29', 1, 'working')).toBe('2025-09-01');
  });

  it("an 'all' closure is neither a working day nor a school day", () => {
    for (const unit of ['working', 'school'] as const) {
      expect(calendar.reasonNotCounting('2025-12-30', unit)).toBe(
        'Provider closure: Office closed',
      );
    }
    expect(calendar.addDays('2025-12-24', 1, 'working')).toBe('2026-01-02');
  });

  it.each<[string, DayUnit, string | null]>([
    ['2025-04-10', 'school', 'Outside term'],
    ['2025-04-10', 'working', null],
    ['2025-05-28', 'school', 'Outside term'],
    ['2025-04-21', 'school', 'Bank holiday: Easter Monday'],
    ['2025-04-19', 'school', 'Saturday'],
    ['2025-04-22', 'school', null],
    ['2025-07-22', 'school', null],
    ['2025-07-23', 'school', 'Outside term'],
  ])('explains %s as a %s day: %j', (date, unit, reason) => {
    expect(calendar.reasonNotCounting(date, unit)).toBe(reason);
  });

  it('X-01: with no terms configured every working day is a school day', () => {
    expect(noTerms.addDays('2025-04-02', 5, 'school')).toBe('2025-04-09');
    expect(noTerms.isCountingDay('2025-08-12', 'school')).toBe(true);
  });
});

describe('ProviderCalendar guards', () => {
  it('throws a CalendarError when no school day exists within 3 years', () => {
    expect(() => calendar.addDays('2025-12-19', 1, 'school')).toThrow(
      new CalendarError('no school days configured after 2025-12-19'),
    );
    expect(() => calendar.addDays('2025-12-17', 5, 'school')).toThrow(
      'no school days configured after 2025-12-19',
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p days', (n) => {
    expect(() => calendar.addDays('2025-04-22', n, 'working')).toThrow(CalendarError);
  });

  it('rejects invalid dates', () => {
    expect(() => calendar.isCountingDay('2025-02-30', 'working')).toThrow(CalendarError);
    expect(() => calendar.addDays('2025-02-30', 0, 'working')).toThrow(CalendarError);
    expect(() => calendar.countDaysBetween('2025-04-01', '2025-13-01', 'working')).toThrow(
      CalendarError,
    );
  });

  it('rejects invalid settings with the validation messages', () => {
    const bad: CalendarSettings = {
      ...settings,
      termDates: [{ start: '2025-07-22', end: '2025-04-22' }],
    };
    expect(() => createCalendar(bad, bankHolidays)).toThrow(
      /invalid calendar settings:[\s\S]*term end 2025-04-22 is before its start 2025-07-22/,
    );
  });
});
