import { z } from 'zod';

// Response schemas: the parsed value is what the tab renders. Parts a newer or older server may
// leave out fall back (`catch`) so a view degrades rather than failing.
const str = z.string();
const strings = z.array(z.string()).catch([]);
const nullableStr = z.string().nullable().catch(null);
const unit = z.enum(['school', 'working']);

/** Counting days to the next review. */
export const countdownSchema = z
  .object({ due: str, daysLeft: z.number(), unit, overdue: z.boolean() })
  .nullable()
  .catch(null);

/** A command the viewer may issue now (the tab renders only these). */
export const availableSchema = z.object({
  type: str,
  label: str,
  rules: strings,
  params: z.record(z.string(), z.union([z.string(), z.number()])).catch({}),
});

/** One row of "my cases". */
export const caseSummarySchema = z.object({
  caseId: str,
  providerId: str,
  traineeName: str,
  stageId: nullableStr,
  stageLabel: nullableStr,
  status: z.enum(['open', 'closed']),
  nextReviewDate: nullableStr,
  reviewOverdue: z.boolean().catch(false),
  viewerRoles: strings,
  school: z.string().nullable().catch(null).default(null),
  reviewCountdown: countdownSchema.default(null),
  signaturesMissing: z.number().nullable().catch(null).default(null),
  needsYou: z.array(str).catch([]).default([]),
});

const target = z.object({
  targetId: str,
  text: str,
  actions: strings,
  indicators: strings,
  monitoring: z.string().catch(''),
  successCriteria: z.string().catch(''),
});
const signature = z.object({
  participantId: str,
  role: str,
  typedFullName: str,
  signedAt: str,
  planVersion: z.number(),
});
const meeting = z.object({
  meetingId: str,
  definitionId: str,
  start: str,
  durationMinutes: z.number(),
  online: z.boolean(),
  attendees: strings,
  status: z.enum(['scheduled', 'held', 'cancelled']),
  notes: nullableStr,
  /** What the calendar delivery did (absent until the relay reports). */
  invitation: z
    .object({
      status: z.enum(['sent', 'failed', 'cancellation-sent']),
      joinUrl: nullableStr,
      failure: nullableStr,
      at: str,
    })
    .nullable()
    .catch(null)
    .default(null),
});
const observation = z.object({
  observationId: str,
  definitionId: nullableStr,
  date: str,
  observers: strings,
  notes: str,
});
const review = z.object({
  reviewId: str,
  heldOn: str,
  planVersion: z.number(),
  outcomes: z.array(z.object({ targetId: str, met: z.boolean(), evidence: str })).catch([]),
  allMet: z.boolean(),
  notes: z.string().catch(''),
});
const rulesOf = { rules: strings };

const stageSchema = z.object({
  instanceId: str,
  stageId: str,
  label: str,
  summary: str,
  formal: z.boolean().nullable().catch(null),
  startedOn: str,
  reason: str,
  ...rulesOf,
  plan: z.object({
    version: z.number(),
    overview: z.string().catch(''),
    supportMeasures: z.string().catch(''),
    targetStyle: z.enum(['SMART', 'SHARP']).nullable().catch(null),
    maxTargets: z.number().nullable().catch(null),
    targets: z.array(target).catch([]),
    reviewDate: nullableStr,
  }),
  reviewWindow: z
    .object({
      earliest: nullableStr,
      latest: nullableStr,
      indicative: nullableStr,
      unit,
      ...rulesOf,
      settings: strings,
    })
    .nullable()
    .catch(null),
  reviewOverdue: z.boolean().catch(false),
  reviewCountdown: countdownSchema.default(null),
  signers: z
    .array(
      z.object({
        role: str,
        roleLabel: str,
        participantId: nullableStr,
        name: nullableStr,
        signed: signature.nullable().catch(null),
      }),
    )
    .catch([]),
  fullySigned: z.boolean().catch(false),
  meetings: z.array(meeting).catch([]),
  requiredMeetings: z
    .array(z.object({ id: str, label: str, online: z.boolean().nullable(), ...rulesOf }))
    .catch([]),
  observations: z.array(observation).catch([]),
  reviews: z.array(review).catch([]),
  duties: z
    .array(
      z.object({ id: str, label: str, done: z.boolean(), applicable: z.boolean(), ...rulesOf }),
    )
    .catch([]),
  appeal: z.object({ status: str, at: z.string().optional() }).nullable().catch(null),
  finalOutcome: z
    .object({ progress: str, basis: nullableStr, notes: z.string().catch('') })
    .nullable()
    .catch(null),
});

const recordedSignature = signature.extend({ voided: z.boolean().catch(false) });

/** One run of a stage, kept whole (the record's `stages`, docs/record-api.md). */
export const stageRecordSchema = z.object({
  position: z.number(),
  instanceId: str,
  stageId: str,
  label: str,
  startedOn: str,
  reason: z.string().catch(''),
  endedAt: nullableStr,
  current: z.boolean().catch(false),
  planVersions: z
    .array(
      z.object({
        version: z.number(),
        targets: z.array(z.object({ targetId: str, text: str })).catch([]),
        signatures: z.array(recordedSignature).catch([]),
        fullySigned: z.boolean().catch(false),
      }),
    )
    .catch([]),
  corrections: z
    .array(z.object({ seq: z.number(), at: str, kind: str, entryId: str, reason: str }))
    .catch([]),
});

/** A case as this viewer may see it. */
export const caseViewSchema = z.object({
  caseId: str,
  providerId: str,
  providerName: str,
  procedure: z.object({ id: str, version: str, title: str }),
  trainee: z.object({ name: str, route: str, subject: str, school: str, placement: str }),
  status: z.object({ kind: z.enum(['open', 'closed']) }).loose(),
  stage: stageSchema.nullable(),
  completedStages: z
    .array(
      z.object({ instanceId: str, stageId: str, label: str, startedOn: str, endedAt: nullableStr }),
    )
    .catch([]),
  participants: z
    .array(
      z.object({ participantId: str, role: str, roleLabel: str, name: str, active: z.boolean() }),
    )
    .catch([]),
  concerns: z
    .array(
      z.object({
        concernId: str,
        raisedAt: str,
        raisedByRole: str,
        categoryLabel: str,
        description: nullableStr,
        evidence: nullableStr,
        seriousIncident: z.boolean(),
        specialCategory: z.boolean(),
        redacted: z.boolean(),
      }),
    )
    .catch([]),
  comments: z
    .array(z.object({ commentId: str, by: str, at: str, text: str, visibility: str }))
    .catch([]),
  imp: z
    .array(
      z.object({
        impId: str,
        pointId: str,
        recordedAt: str,
        fired: z
          .array(z.object({ triggerId: str, label: str, recommendation: str, ...rulesOf }))
          .catch([]),
      }),
    )
    .catch([]),
  viewerRoles: strings,
  available: z.array(availableSchema).catch([]),
  stages: z.array(stageRecordSchema).catch([]).default([]),
});

/** The procedure's outline (stages in order, entries, closures, pick lists). */
export const outlineSchema = z.object({
  id: str,
  title: str,
  stages: z.array(
    z.object({
      id: str,
      label: str,
      summary: str,
      formal: z.boolean().nullable(),
      ...rulesOf,
      entries: z.array(z.object({ id: str, label: str, from: strings, ...rulesOf })).catch([]),
      closures: z.array(z.object({ id: str, label: str, ...rulesOf })).catch([]),
      targetStyle: z.enum(['SMART', 'SHARP']).nullable().catch(null),
      observations: z.array(z.object({ id: str, label: str, ...rulesOf })).catch([]),
      meetings: z.array(z.object({ id: str, label: str, agenda: strings, ...rulesOf })).catch([]),
    }),
  ),
  categories: z
    .array(z.object({ id: str, label: str, specialCategory: z.boolean(), ...rulesOf }))
    .catch([]),
  imp: z
    .array(
      z.object({
        id: str,
        label: str,
        expectations: strings,
        minCoreValues: z.number(),
        ...rulesOf,
      }),
    )
    .catch([]),
  grades: strings,
  coreValues: strings,
  notices: z.array(z.object({ id: str, text: str, ...rulesOf })).catch([]),
});

/** One audit event, readable (`shared/src/record/readable-history.ts`). */
export const historyEntrySchema = z.object({
  seq: z.number(),
  type: str,
  at: str,
  command: z.string().catch(''),
  hash: z.string().catch(''),
  summary: z.string().catch(''),
  actor: z
    .object({ name: z.string().catch('Unknown'), roleLabels: strings })
    .catch({ name: 'Unknown', roleLabels: [] }),
  changes: strings,
  rules: strings,
  redacted: z.boolean().catch(false),
});

/** `GET .../history/verification`: the hash chain intact, or the first broken entry. */
export const verificationSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('intact'),
    events: z.number(),
    lastSeq: z.number().nullable().catch(null),
  }),
  z.object({
    status: z.literal('broken'),
    events: z.number(),
    brokenAtSeq: z.number(),
    brokenEntry: z.object({ seq: z.number(), type: str, at: str }).nullable().catch(null),
    explanation: z.string().catch(''),
  }),
]);

/** `GET /api/cases`. */
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });
/** `GET .../available-commands`. */
export const availableListSchema = z.object({ commands: z.array(availableSchema) });
/** `GET .../history`. */
export const historySchema = z.object({ events: z.array(historyEntrySchema) });
/** Every command's reply: the case as the caller now sees it (null when access ended). */
export const commandResultSchema = z.object({
  caseId: str,
  view: caseViewSchema.nullable().catch(null),
});

/** A case view as the tab has it. */
export type CaseView = z.infer<typeof caseViewSchema>;
/** The current stage of a case view. */
export type StageView = NonNullable<CaseView['stage']>;
/** A "my cases" row. */
export type CaseSummary = z.infer<typeof caseSummarySchema>;
/** An available command. */
export type AvailableCommand = z.infer<typeof availableSchema>;
/** The procedure outline. */
export type Outline = z.infer<typeof outlineSchema>;
/** An audit event. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
/** One stage run of the record. */
export type StageRecord = z.infer<typeof stageRecordSchema>;
/** The chain's verification. */
export type Verification = z.infer<typeof verificationSchema>;
