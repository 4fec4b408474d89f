import type { DateDeparture, StageInstance } from '../state';

/**
 * The departure from the agreed review date (BF-10: "observes a lesson on the agreed date"), or
 * undefined when the date is the agreed one or the definition does not tie it to that date.
 * A departure is recorded and shown, never refused; the reason is asked for and kept.
 */
export function departureFrom(
  onAgreedDate: boolean,
  rules: readonly string[],
  instance: StageInstance,
  date: string,
  reason: string | null,
): DateDeparture | undefined {
  if (!onAgreedDate) return undefined;
  const agreedDate = instance.plan.reviewDate;
  if (agreedDate === date) return undefined;
  return { agreedDate, reason, rules };
}

/** The departure as an optional field, so a record on the agreed date carries no key at all. */
export function withDeparture(
  departure: DateDeparture | undefined,
): { departure: DateDeparture } | Record<string, never> {
  return departure === undefined ? {} : { departure };
}
