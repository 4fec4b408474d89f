import { z } from 'zod';
import { safeText, textLimits } from '../schemas/text';
import { isoDateSchema, type IsoDate } from './iso-date';

/** A closed day: 'school' (INSET day, still a working day) or 'all' (not a working day either). */
export interface Closure {
  date: IsoDate;
  label: string;
  appliesTo: 'school' | 'all';
}

const closureSchema = z.strictObject({
  date: isoDateSchema,
  label: safeText(textLimits.short),
  appliesTo: z.enum(['school', 'all']),
});

/** Zod schema for a list of {@link Closure}s; rejects two closures on the same date. */
export const closuresSchema: z.ZodType<Closure[]> = z
  .array(closureSchema)
  .superRefine((closures, ctx) => {
    const firstIndex = new Map<IsoDate, number>();
    closures.forEach((closure, index) => {
      const first = firstIndex.get(closure.date);
      if (first === undefined) {
        firstIndex.set(closure.date, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [index, 'date'],
        message: `duplicate closure date ${closure.date} (already listed at closures[${first}])`,
      });
    });
  });
