import { englandAndWalesBankHolidays } from '@shared/calendar/england-and-wales-bank-holidays';

describe('englandAndWalesBankHolidays', () => {
  const source = englandAndWalesBankHolidays();

  it.each([
    ['2025-01-01', "New Year's Day"],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2022-09-19', "Queen Elizabeth's Funeral Day"],
  ])('%s is %s', (date, name) => {
    expect(source.isBankHoliday(date)).toBe(name);
  });

  it.each([
    ['2025-04-17', 'Maundy Thursday'],
    ['2025-04-20', 'Easter Sunday (an observance, not a bank holiday)'],
    ['2025-03-30', "Mother's Day (an observance)"],
    ['2025-03-17', "St Patrick's Day (Northern Ireland only)"],
    ['2025-08-04', 'Scottish summer bank holiday'],
    ['2025-12-24', 'Christmas Eve'],
  ])('%s is not a bank holiday (%s)', (date) => {
    expect(source.isBankHoliday(date)).toBeNull();
  });

  it('gives the same answer when a year is looked up again (cached)', () => {
    expect(source.isBankHoliday('2025-04-18')).toBe(source.isBankHoliday('2025-04-18'));
    expect(source.isBankHoliday('2025-04-22')).toBeNull();
  });
});
