const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as Graph's dateTimeTimeZone in Europe/London (GMT or BST as it applies). */
export function londonDateTime(instant: Date): { dateTime: string; timeZone: 'Europe/London' } {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  const dateTime = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  return { dateTime, timeZone: 'Europe/London' };
}
