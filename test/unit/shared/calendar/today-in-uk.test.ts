import { CalendarError, todayInUk } from '@shared/calendar';

describe('todayInUk', () => {
  it.each([
    ['2025-06-30T22:59:59Z', '2025-06-30', 'just before midnight BST'],
    ['2025-06-30T23:00:00Z', '2025-07-01', 'at midnight BST'],
    ['2025-06-30T23:30:00Z', '2025-07-01', 'just after midnight BST'],
    ['2025-01-15T23:30:00Z', '2025-01-15', 'late evening GMT'],
    ['2025-01-16T00:00:00Z', '2025-01-16', 'midnight GMT'],
    ['2025-03-30T00:59:59Z', '2025-03-30', 'the night the clocks go forward'],
    ['2025-10-25T23:30:00Z', '2025-10-26', 'the night the clocks go back'],
    ['2025-12-31T23:59:59Z', '2025-12-31', "New Year's Eve in GMT"],
  ])('%s is %s in the UK (%s)', (instant, expected) => {
    expect(todayInUk(new Date(instant))).toBe(expected);
  });

  it('throws a CalendarError for an invalid Date', () => {
    expect(() => todayInUk(new Date(Number.NaN))).toThrow(CalendarError);
  });
});
