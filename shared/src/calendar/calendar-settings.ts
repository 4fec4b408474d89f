import { z } from 'zod';
import { closuresSchema, type Closure } from './closure';
import { termDatesSchema, type TermDates } from './term-dates';

/** A provider's calendar configuration: bank-holiday region, school terms and closures. */
export interface CalendarSettings {
  region: 'england-and-wales';
  termDates: TermDates[];
  closures: Closure[];
}

/** Strict zod schema for {@link CalendarSettings}. */
export const calendarSettingsSchema: z.ZodType<CalendarSettings> = z.strictObject({
  region: z.literal('england-and-wales'),
  termDates: z.array(termDatesSchema),
  closures: closuresSchema,
});
