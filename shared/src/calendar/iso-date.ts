import { z } from 'zod';

/** A civil date as an ISO-8601 calendar string `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Proleptic Gregorian leap years, as JavaScript's `Date` counts them (year 0 is one). */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * True when `value` is a `YYYY-MM-DD` string naming a real calendar date. Arithmetic, not a
 * `Date` round trip: the calendar calls this for every day it counts.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

/** Zod schema for an {@link IsoDate}: rejects malformed strings and impossible dates such as 2025-02-30. */
export const isoDateSchema = z.string().refine(isIsoDate, {
  error: (issue) => `expected a real calendar date as YYYY-MM-DD, got "${String(issue.input)}"`,
});
