import * as z from 'zod/mini';

// Response schemas: the parsed value is what the tab renders. Parts a newer or older server may
// leave out fall back (`catch`) so a view degrades rather than failing. zod/mini keeps the
// initial bundle small (the classic API added ~440 KB of minified code).
const str = z.string();
/** A list that falls back to empty. */
const list = <T extends z.core.SomeType>(item: T) => z.catch(z.array(item), []);
/** A nullable value that falls back to null. */
const orNull = <T extends z.core.SomeType>(value: T) => z.catch(z.nullable(value), null);
const strings = list(z.string());
const nullableStr = orNull(z.string());
const bool = (fallback: boolean) => z.catch(z.boolean(), fallback);
const text = z.catch(z.string(), '');
const unit = z.enum(['school', 'working']);
const rulesOf = { rules: strings };

/** Counting days to the next review. */
const countdownSchema = orNull(
  z.object({ due: str, daysLeft: z.number(), unit, overdue: z.boolean() }),
);

/** A command the viewer may issue now (the tab renders only these). */
const availableSchema = z.object({
  type: str,
  label: str,
  rules: strings,
  params: z.catch(z.record(z.string(), z.union([z.string(), z.number()])), {}),
});

/** One row of "my cases". */
const caseSummarySchema = z.object({
  caseId: str,
  providerId: str,
  traineeName: str,
  stageId: nullableStr,
  stageLabel: nullableStr,
  status: z.enum(['open', 'closed']),
  nextReviewDate: nullableStr,
  reviewOverdue: bool(false),
  viewerRoles: strings,
  school: nullableStr,
  reviewCountdown: countdownSchema,
  signaturesMissing: orNull(z.number()),
  needsYou: strings,
});

const target = z.object({
  targetId: str,
  text: str,
  actions: strings,
  indicators: strings,
  monitoring: text,
  successCriteria: text,
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
  invitation: orNull(
    z.object({
      status: z.enum(['sent', 'failed', 'cancellation-sent']),
      joinUrl: nullableStr,
      failure: nullableStr,
      at: str,
    }),
  ),
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
  outcomes: list(z.object({ targetId: str, met: z.boolean(), evidence: str })),
  allMet: z.boolean(),
  notes: text,
});

const stageSchema = z.object({
  instanceId: str,
  stageId: str,
  label: str,
  summary: str,
  formal: orNull(z.boolean()),
  startedOn: str,
  reason: str,
  ...rulesOf,
  plan: z.object({
    version: z.number(),
    overview: text,
    supportMeasures: text,
    targetStyle: orNull(z.enum(['SMART', 'SHARP'])),
    maxTargets: orNull(z.number()),
    targets: list(target),
    reviewDate: nullableStr,
  }),
  reviewWindow: orNull(
    z.object({
      earliest: nullableStr,
      latest: nullableStr,
      indicative: nullableStr,
      unit,
      ...rulesOf,
      settings: strings,
    }),
  ),
  reviewOverdue: bool(false),
  reviewCountdown: countdownSchema,
  signers: list(
    z.object({
      role: str,
      roleLabel: str,
      participantId: nullableStr,
      name: nullableStr,
      signed: orNull(signature),
    }),
  ),
  fullySigned: bool(false),
  meetings: list(meeting),
  requiredMeetings: list(
    z.object({ id: str, label: str, online: z.nullable(z.boolean()), ...rulesOf }),
  ),
  observations: list(observation),
  reviews: list(review),
  /** Entries of this stage run recorded from paper (ADR 0010), with who entered them and when. */
  paperRecords: list(
    z.object({
      entry: str,
      id: str,
      occurredOn: str,
      enteredByName: text,
      enteredAt: str,
      text: text,
    }),
  ),
  duties: list(
    z.object({ id: str, label: str, done: z.boolean(), applicable: z.boolean(), ...rulesOf }),
  ),
  appeal: orNull(z.object({ status: str, at: z.optional(z.string()) })),
  finalOutcome: orNull(z.object({ progress: str, basis: nullableStr, notes: text })),
});

const recordedSignature = z.extend(signature, { voided: bool(false) });

/** One run of a stage, kept whole (the record's `stages`, docs/record-api.md). */
export const stageRecordSchema = z.object({
  position: z.number(),
  instanceId: str,
  stageId: str,
  label: str,
  startedOn: str,
  reason: text,
  endedAt: nullableStr,
  current: bool(false),
  planVersions: list(
    z.object({
      version: z.number(),
      targets: list(z.object({ targetId: str, text: str })),
      signatures: list(recordedSignature),
      fullySigned: bool(false),
    }),
  ),
  corrections: list(z.object({ seq: z.number(), at: str, kind: str, entryId: str, reason: str })),
});

/** A case as this viewer may see it. */
export const caseViewSchema = z.object({
  caseId: str,
  providerId: str,
  providerName: str,
  procedure: z.object({ id: str, version: str, title: str }),
  trainee: z.object({ name: str, route: str, subject: str, school: str, placement: str }),
  status: z.looseObject({ kind: z.enum(['open', 'closed']) }),
  stage: z.nullable(stageSchema),
  completedStages: list(
    z.object({ instanceId: str, stageId: str, label: str, startedOn: str, endedAt: nullableStr }),
  ),
  participants: list(
    z.object({ participantId: str, role: str, roleLabel: str, name: str, active: z.boolean() }),
  ),
  concerns: list(
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
      /** The course tutor's acknowledgement (ME-05); absent from an older API. */
      acknowledgedAt: nullableStr,
      /** Who acknowledged: a participant id, or `staff:{oid}` for provider-wide staff not on the case. */
      acknowledgedBy: nullableStr,
    }),
  ),
  comments: list(z.object({ commentId: str, by: str, at: str, text: str, visibility: str })),
  imp: list(
    z.object({
      impId: str,
      pointId: str,
      recordedAt: str,
      fired: list(z.object({ triggerId: str, label: str, recommendation: str, ...rulesOf })),
    }),
  ),
  viewerRoles: strings,
  available: list(availableSchema),
  stages: list(stageRecordSchema),
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
      formal: z.nullable(z.boolean()),
      ...rulesOf,
      entries: list(z.object({ id: str, label: str, from: strings, ...rulesOf })),
      closures: list(z.object({ id: str, label: str, ...rulesOf })),
      targetStyle: orNull(z.enum(['SMART', 'SHARP'])),
      observations: list(z.object({ id: str, label: str, ...rulesOf })),
      meetings: list(z.object({ id: str, label: str, agenda: strings, ...rulesOf })),
    }),
  ),
  categories: list(z.object({ id: str, label: str, specialCategory: z.boolean(), ...rulesOf })),
  imp: list(
    z.object({ id: str, label: str, expectations: strings, minCoreValues: z.number(), ...rulesOf }),
  ),
  grades: strings,
  coreValues: strings,
  notices: list(z.object({ id: str, text: str, ...rulesOf })),
});

/** One audit event, readable (`shared/src/record/readable-history.ts`). */
export const historyEntrySchema = z.object({
  seq: z.number(),
  type: str,
  at: str,
  command: text,
  hash: text,
  summary: text,
  actor: z.catch(z.object({ name: z.catch(z.string(), 'Unknown'), roleLabels: strings }), {
    name: 'Unknown',
    roleLabels: [],
  }),
  changes: strings,
  rules: strings,
  redacted: bool(false),
});

/** `GET .../history/verification`: the hash chain intact, or the first broken entry. */
export const verificationSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('intact'),
    events: z.number(),
    lastSeq: orNull(z.number()),
  }),
  z.object({
    status: z.literal('broken'),
    events: z.number(),
    brokenAtSeq: z.number(),
    brokenEntry: orNull(z.object({ seq: z.number(), type: str, at: str })),
    explanation: text,
  }),
]);

/** `GET /api/cases`. */
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });
/** `GET .../history`. */
export const historySchema = z.object({ events: z.array(historyEntrySchema) });
/** Every command's reply: the case as the caller now sees it (null when access ended). */
export const commandResultSchema = z.object({
  caseId: str,
  view: orNull(caseViewSchema),
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
