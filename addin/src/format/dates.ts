import { formatDate, formatInstant } from '@shared/cards/format';

const zone = 'Europe/London';

// One house style for dates in the product, the cards' (GOV.UK style, no comma after the day):
// the tab uses the same formatters as the cards.

/** A civil date (YYYY-MM-DD) as people in the UK write it, e.g. "Tue 1 Dec 2026". */
export function ukDate(civil: string | null | undefined): string {
  if (civil === null || civil === undefined || civil === '') return '—';
  return formatDate(civil.slice(0, 10));
}

/** An instant in UK local time (GMT/BST), e.g. "Tue 1 Dec 2026, 09:00". */
export function ukDateTime(instant: string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '—';
  return formatInstant(instant);
}

/** The day-count convention of a window, shown beside it. */
export function dayConvention(unit: 'school' | 'working'): string {
  return unit === 'school'
    ? 'School days: term-time weekdays on the provider’s calendar, excluding closures and bank holidays; today does not count.'
    : 'Working days: Monday to Friday, excluding bank holidays and provider closures; today does not count.';
}

/** "5 school days left", "due today", "3 working days overdue". */
export function daysLeftText(days: number, unit: 'school' | 'working'): string {
  const n = Math.abs(days);
  const noun = `${unit} day${n === 1 ? '' : 's'}`;
  if (days > 0) return `${n} ${noun} left`;
  if (days === 0) return 'due today';
  return `${n} ${noun} overdue`;
}

/** A local `datetime-local` value (UK time) as an ISO instant in UTC. */
export function ukLocalToInstant(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  // Try the GMT and BST readings; keep the one that reads back as the same UK wall-clock time.
  for (const offset of [0, 1]) {
    const at = new Date(Date.UTC(y, mo - 1, d, h - offset, mi));
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    if (parts === `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`) {
      return at.toISOString();
    }
  }
  return null;
}
