import {
  daysLeftText,
  ukDate,
  ukDateTime,
  ukLocalToInstant,
} from '../../../addin/src/format/dates';

describe('UK dates in the tab (Europe/London)', () => {
  it('writes civil dates and instants in UK time, GMT in winter and BST in summer', () => {
    // One house style with the cards (shared/src/cards/format.ts): no comma after the weekday.
    expect(ukDate('2026-12-15')).toBe('Tue 15 Dec 2026');
    expect(ukDate('2026-12-15T00:00:00Z')).toBe('Tue 15 Dec 2026');
    expect(ukDateTime('2026-12-01T09:00:00Z')).toBe('Tue 1 Dec 2026, 09:00');
    expect(ukDateTime('2026-06-01T09:00:00Z')).toBe('Mon 1 Jun 2026, 10:00');
    expect(ukDateTime('2026-10-25T00:30:00Z')).toBe('Sun 25 Oct 2026, 01:30');
    expect(ukDateTime('2026-10-25T01:30:00Z')).toBe('Sun 25 Oct 2026, 01:30');
    expect(ukDate(null)).toBe('—');
    expect(ukDateTime('')).toBe('—');
    expect(ukDate('soon')).toBe('soon');
  });

  it('reads a UK wall-clock time as the right UTC instant either side of the clock change', () => {
    expect(ukLocalToInstant('2026-12-01T09:00')).toBe('2026-12-01T09:00:00.000Z');
    expect(ukLocalToInstant('2026-06-01T09:00')).toBe('2026-06-01T08:00:00.000Z');
    expect(ukLocalToInstant('not a time')).toBeNull();
  });

  it('says days left, due today or overdue in the window unit', () => {
    expect(daysLeftText(1, 'school')).toBe('1 school day left');
    expect(daysLeftText(0, 'working')).toBe('due today');
    expect(daysLeftText(-3, 'working')).toBe('3 working days overdue');
  });
});
