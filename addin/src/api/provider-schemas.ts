import * as z from 'zod/mini';

// The provider views' replies (overview, settings). Kept apart from schemas.ts so they load with
// those views only, not with the shell.
const str = z.string();
const int = z.number();
const nullableNumber = z.nullable(z.number());
const strings = z.catch(z.array(z.string()), []);
const dayStats = z.object({ runs: int, medianDays: nullableNumber, meanDays: nullableNumber });

/** `GET /api/providers/{providerId}/overview`. */
export const overviewSchema = z.object({
  providerId: str,
  providerName: str,
  asOf: str,
  totals: z.object({ open: int, closed: int }),
  byStage: z.array(
    z.object({
      stageId: z.nullable(str),
      label: str,
      open: int,
      reviewsOverdue: int,
      signaturesMissing: int,
    }),
  ),
  bySchool: z.array(z.object({ school: str, open: int })),
  reviewsOverdue: int,
  signaturesOutstanding: z.object({ signatures: int, cases: int }),
  timeInStage: z.array(
    z.object({ stageId: str, label: str, completed: dayStats, current: dayStats }),
  ),
  dayCount: z.object({ unit: str, description: str }),
});

const staffSchema = z.object({
  tid: str,
  oid: str,
  name: str,
  email: z.catch(z.nullable(str), null),
  role: str,
});
const calendarSchema = z.object({
  region: str,
  termDates: z.array(z.object({ start: str, end: str, label: z.optional(str) })),
  closures: z.array(z.object({ date: str, label: str, appliesTo: z.enum(['school', 'all']) })),
});

/** The stored settings as `GET .../settings` gives them (sent back whole on save). */
export const settingsSchema = z.object({
  providerId: str,
  name: str,
  procedureId: str,
  tenants: z.array(str),
  calendar: calendarSchema,
  values: z.catch(z.record(str, z.unknown()), {}),
  staff: z.catch(z.array(staffSchema), []),
  retentionYears: z.optional(int),
});

/** One X-setting of the procedure: its label, type, stated default and the rules it shapes. */
const settingDefinitionSchema = z.object({
  key: str,
  label: str,
  description: str,
  type: z.enum(['dayUnit', 'number', 'nullableNumber', 'boolean', 'roles', 'choice']),
  choices: z.optional(z.array(str)),
  default: z.unknown(),
  rules: strings,
});

/** A review window before or after a settings change. */
const windowDatesSchema = z.object({
  earliest: z.catch(z.nullable(str), null),
  latest: z.catch(z.nullable(str), null),
  indicative: z.catch(z.nullable(str), null),
  unit: z.catch(z.enum(['school', 'working']), 'school'),
});

/** A settings write's report of one open case whose review window moved (item 11). */
const windowChangeSchema = z.object({
  caseId: str,
  traineeName: str,
  stageId: str,
  before: windowDatesSchema,
  after: windowDatesSchema,
  agreedDateOutside: z.catch(z.boolean(), false),
  rules: strings,
  recorded: z.catch(z.boolean(), true),
});

/** `GET`/`PUT /api/providers/{providerId}/settings`. */
export const settingsViewSchema = z.object({
  settings: settingsSchema,
  procedure: z.object({ id: str, version: str, title: str, custom: z.boolean() }),
  settingDefinitions: z.array(settingDefinitionSchema),
  resolved: z.catch(z.record(str, z.unknown()), {}),
  etag: str,
  windowChanges: z.optional(z.array(windowChangeSchema)),
});

/** The provider overview's figures. */
export type Overview = z.infer<typeof overviewSchema>;
/** A provider's settings view. */
export type SettingsView = z.infer<typeof settingsViewSchema>;
/** The stored settings. */
export type Settings = z.infer<typeof settingsSchema>;
/** One X-setting definition. */
export type SettingDefinition = z.infer<typeof settingDefinitionSchema>;
/** One moved review window. */
export type WindowChange = z.infer<typeof windowChangeSchema>;
