import { addCalendarDays, todayInUk } from '@shared/calendar';

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});

function londonOffsetMinutes(at: Date): number {
  const name =
    offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A UK wall-clock date and time (`2025-10-20`, `15:30`) as a UTC instant, GMT or BST as it
 * applies on that day. Returns null when either part is malformed.
 */
export function ukLocalToUtc(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (d === null || t === null) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset in force at the instant itself (it differs only around the change).
  const first = wall - londonOffsetMinutes(new Date(wall)) * 60_000;
  const instant = wall - londonOffsetMinutes(new Date(first)) * 60_000;
  return new Date(instant).toISOString();
}

/** Today in the UK and the Sunday that ends this week (today, if it is Sunday). */
export function ukWeek(now: Date): { today: string; weekEnding: string } {
  const today = todayInUk(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return { today, weekEnding: addCalendarDays(today, (7 - weekday) % 7) };
}
