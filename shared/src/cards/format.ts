// The module itself, not the calendar's index: the tab imports these formatters too, and the
// index would bring the calendar's zod schemas (about 70 KB gzip) into its first load.
import { todayInUk } from '../calendar/today-in-uk';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A civil date `YYYY-MM-DD` as people read it: `Tue 14 Oct 2025`. Unparseable input is shown as-is. */
export function formatDate(civil: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(civil);
  if (match === null) return civil;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const weekday = days[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return `${weekday} ${d} ${months[m - 1] ?? ''} ${y}`;
}

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as UK wall-clock time: `Tue 8 Dec 2026, 09:30` (GMT or BST as it applies). */
export function formatInstant(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const p = Object.fromEntries(ukDateTime.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.weekday ?? ''} ${p.day ?? ''} ${p.month ?? ''} ${p.year ?? ''}, ${p.hour ?? ''}:${p.minute ?? ''}`;
}

/** A UTC instant as the UK civil date it fell on. */
export function formatInstantDate(instant: string): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : formatDate(todayInUk(at));
}
