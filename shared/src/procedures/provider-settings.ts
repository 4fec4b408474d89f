import { z } from 'zod';
import { calendarSettingsSchema } from '../calendar';
import { roleSchema } from '../domain/roles';
import {
  emailSchema,
  entraIdSchema,
  providerIdSchema,
  safeText,
  textLimits,
} from '../schemas/text';

/** A member of the provider's staff directory (programme leads, directors act provider-wide). */
export const staffMemberSchema = z.strictObject({
  // Any letter case in, lower case kept (issue 8 item 3).
  tid: entraIdSchema(),
  oid: entraIdSchema(),
  name: safeText(textLimits.short),
  email: emailSchema.nullable().default(null),
  role: roleSchema,
});

/** A provider's configuration: which procedure it runs, its calendar, its X-settings, its staff. */
export const providerSettingsSchema = z.strictObject({
  providerId: providerIdSchema,
  name: safeText(textLimits.short),
  procedureId: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
  /** Entra tenants allowed to sign in for this provider: its own and its partner schools'. */
  tenants: z.array(entraIdSchema()).min(1).max(200),
  calendar: calendarSettingsSchema,
  /** Values for the procedure's settings (X-items); a missing key takes the stated default. */
  values: z.record(z.string(), z.unknown()).default({}),
  staff: z.array(staffMemberSchema).max(500).default([]),
  /** Years a closed case is kept before the retention run erases it to a tombstone (default 6). */
  retentionYears: z.number().int().min(1).max(100).optional(),
});

/** A validated provider configuration. */
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;
