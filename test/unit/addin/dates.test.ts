import {
  daysLeftText,
  ukDate,
  ukDateTime,
  ukLocalToInstant,
} from '../../../addin/src/format/dates';

describe('UK dates in the tab (Europe/London)', () => {
  it('writes civil dates and instants in UK time, GMT in winter and BST in summer', () => {
    expect(ukDate('2026-12-15')).toBe('Tue, 15 Dec 2026');
    expect(ukDateTime('2026-12-01T09:00:00Z')).toBe('Tue, 1 Dec 2026, 09:00');
    expect(ukDateTime('2026-06-01T09:00:00Z')).toBe('Mon, 1 Jun 2026, 10:00');
    expect(ukDate(null)).toBe('—');
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
