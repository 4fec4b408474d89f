import { calendarSettingsSchema } from '@shared/calendar';

const valid = {
  region: 'england-and-wales',
  termDates: [{ start: '2025-04-22', end: '2025-07-22', label: 'Summer' }],
  closures: [{ date: '2025-09-01', label: 'INSET', appliesTo: 'school' }],
};

function messages(input: unknown): string[] {
  const result = calendarSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('calendarSettingsSchema', () => {
  it('accepts valid settings, including empty term and closure lists', () => {
    expect(calendarSettingsSchema.parse(valid)).toEqual(valid);
    expect(messages({ ...valid, termDates: [], closures: [] })).toEqual([]);
  });

  it('accepts a one-day term', () => {
    expect(messages({ ...valid, termDates: [{ start: '2025-04-22', end: '2025-04-22' }] })).toEqual(
      [],
    );
  });

  it('rejects a term that ends before it starts', () => {
    const termDates = [{ start: '2025-07-22', end: '2025-04-22' }];
    expect(messages({ ...valid, termDates })).toEqual([
      'term end 2025-04-22 is before its start 2025-07-22',
    ]);
  });

  it('rejects duplicate closure dates', () => {
    const closures = [
      { date: '2025-09-01', label: 'INSET', appliesTo: 'school' },
      { date: '2025-09-01', label: 'Closed', appliesTo: 'all' },
    ];
    expect(messages({ ...valid, closures })).toEqual([
      'duplicate closure date 2025-09-01 (already listed at closures[0])',
    ]);
  });

  it('rejects impossible dates', () => {
    const termDates = [{ start: '2025-02-30', end: '2025-07-22' }];
    expect(messages({ ...valid, termDates })).toEqual([
      'expected a real calendar date as YYYY-MM-DD, got "2025-02-30"',
    ]);
  });

  it.each([
    ['an unknown top-level key', { ...valid, timezone: 'Europe/London' }],
    [
      'an unknown term key',
      { ...valid, termDates: [{ start: '2025-04-22', end: '2025-07-22', x: 1 }] },
    ],
    ['another region', { ...valid, region: 'scotland' }],
    ['a missing closures list', { region: valid.region, termDates: valid.termDates }],
    [
      'an unknown closure scope',
      { ...valid, closures: [{ date: '2025-09-01', label: 'x', appliesTo: 'staff' }] },
    ],
    [
      'a blank closure label',
      { ...valid, closures: [{ date: '2025-09-01', label: ' ', appliesTo: 'all' }] },
    ],
  ])('rejects %s', (_name, input) => {
    expect(messages(input).length).toBeGreaterThan(0);
  });
});
