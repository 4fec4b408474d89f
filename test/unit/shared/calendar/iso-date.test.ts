import fc from 'fast-check';
import {
  addCalendarDays,
  CalendarError,
  compareIsoDates,
  isIsoDate,
  isoDateSchema,
} from '@shared/calendar';

/** The slow, obviously right answer: a real date survives a round trip through `Date`. */
function roundTrips(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Strings shaped like dates, with fields that are often out of range. */
const dateLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('isIsoDate', () => {
  it('agrees with a Date round trip on date-shaped strings, leap years included', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        expect(isIsoDate(value)).toBe(roundTrips(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with a Date round trip on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        expect(isIsoDate(value)).toBe(roundTrips(value));
      }),
    );
  });

  it.each(['2024-02-29', '2000-02-29', '0000-02-29'])('knows %s is a leap day', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2100-02-29', '1900-02-29', '2025-02-29'])('knows %s is not', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('compareIsoDates orders like time', () => {
  it('matches the order of the UTC instants', () => {
    const real = dateLike.filter(roundTrips);
    fc.assert(
      fc.property(real, real, (a, b) => {
        const byTime = Math.sign(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
        expect(compareIsoDates(a, b)).toBe(byTime);
      }),
    );
  });
});

describe('isoDateSchema', () => {
  it.each(['2025-04-18', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (value) => {
      expect(isoDateSchema.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-4-18',
    '18/04/2025',
    '2025-04-18T00:00:00Z',
    ' 2025-04-18',
    '',
  ])('rejects %j with a clear message', (value) => {
    const result = isoDateSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      `expected a real calendar date as YYYY-MM-DD, got "${value}"`,
    );
  });

  it('rejects non-strings', () => {
    expect(isoDateSchema.safeParse(20250418).success).toBe(false);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2025-04-18', 1, '2025-04-19'],
    ['2025-04-30', 1, '2025-05-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-29', 2, '2025-03-31'], // across the GMT→BST change
    ['2025-10-25', 2, '2025-10-27'], // across the BST→GMT change
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-06-15', 0, '2025-06-15'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it('rejects invalid dates, fractional offsets and years beyond 9999', () => {
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(CalendarError);
    expect(() => addCalendarDays('2025-02-01', 1.5)).toThrow(/whole number/);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/outside the years 0000-9999/);
  });
});

describe('compareIsoDates', () => {
  it.each([
    ['2025-04-18', '2025-04-21', -1],
    ['2025-04-21', '2025-04-18', 1],
    ['2025-04-18', '2025-04-18', 0],
    ['2024-12-31', '2025-01-01', -1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(compareIsoDates(a, b)).toBe(expected);
  });

  it('throws a CalendarError for an invalid date', () => {
    expect(() => compareIsoDates('2025-04-18', 'tomorrow')).toThrow(CalendarError);
  });
});
