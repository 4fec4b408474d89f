import fc from 'fast-check';
import { CalendarError, todayInUk } from '@shared/calendar';

/** An independent reading of the UK date: ICU's Canadian format is YYYY-MM-DD. */
const oracle = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

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

  it('agrees with ICU for any sequence of instants, including repeats within one minute', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 59_999 })), { maxLength: 20 }),
        (pairs) => {
          for (const [at, later] of pairs) {
            for (const ms of [at, at - (at % 60_000) + later]) {
              expect(todayInUk(new Date(ms))).toBe(oracle.format(new Date(ms)));
            }
          }
        },
      ),
    );
  });
});
