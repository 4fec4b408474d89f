import { z } from 'zod';
import { safeText, textLimits } from '../schemas/text';
import { compareIsoDates } from './date-arithmetic';
import { isIsoDate, isoDateSchema, type IsoDate } from './iso-date';

/** A school term: the civil dates from `start` to `end`, both inclusive. */
export interface TermDates {
  start: IsoDate;
  end: IsoDate;
  label?: string;
}

/** Zod schema for {@link TermDates}; rejects a term that ends before it starts. */
export const termDatesSchema: z.ZodType<TermDates> = z
  .strictObject({
    start: isoDateSchema,
    end: isoDateSchema,
    label: safeText(textLimits.short).optional(),
  })
  .superRefine((term, ctx) => {
    if (!isIsoDate(term.start) || !isIsoDate(term.end)) return;
    if (compareIsoDates(term.end, term.start) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `term end ${term.end} is before its start ${term.start}`,
      });
    }
  });

/** True when `date` falls inside `term` (inclusive at both ends). */
export function isInTerm(date: IsoDate, term: TermDates): boolean {
  return compareIsoDates(term.start, date) <= 0 && compareIsoDates(date, term.end) <= 0;
}
