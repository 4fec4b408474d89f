import { z } from 'zod';

/** A civil date as an ISO-8601 calendar string `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a `YYYY-MM-DD` string naming a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Zod schema for an {@link IsoDate}: rejects malformed strings and impossible dates such as 2025-02-30. */
export const isoDateSchema = z.string().refine(isIsoDate, {
  error: (issue) => `expected a real calendar date as YYYY-MM-DD, got "${String(issue.input)}"`,
});
