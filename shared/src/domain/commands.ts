import { z } from 'zod';
import { fail, ok, refuse, type Result } from '../errors/refusal';
import { roleSchema } from './roles';
import {
  civilDateSchema,
  emailSchema,
  entraIdSchema,
  idSchema,
  instantSchema,
  safeText,
  textLimits,
} from '../schemas/text';
import {
  paperEntrySchema,
  paperMeetingSchema,
  paperSignatureSchema,
  paperStageSchema,
} from './paper-record';

const short = safeText(textLimits.short);
const medium = safeText(textLimits.medium);
const long = safeText(textLimits.long);
const optionalLong = safeText(textLimits.long, 0).default('');
// Entra ids in any letter case, kept lower-case: compared only in normal form (issue 8 item 3).
const guid = entraIdSchema('must be a GUID');

/** A person to name in a case. */
export const participantInputSchema = z.strictObject({
  role: roleSchema,
  name: short,
  email: emailSchema.nullable().default(null),
  tid: guid.nullable().default(null),
  oid: guid.nullable().default(null),
});

/** Open a case for a trainee under a provider's procedure. */
export const openCaseSchema = z.strictObject({
  trainee: z.strictObject({
    name: short,
    email: emailSchema.nullable().default(null),
    tid: guid.nullable().default(null),
    oid: guid.nullable().default(null),
    route: z.enum(['primary', 'early-primary', 'secondary']),
    subject: short,
    school: short,
    placement: short,
  }),
  participants: z.array(participantInputSchema).max(30).default([]),
  /** The date the case was opened on paper, when it is moved in mid-year (issue 11 item 8). */
  openedOnPaper: civilDateSchema.optional(),
});

const targetFields = {
  text: medium,
  actions: z.array(medium).max(20).default([]),
  indicators: z.array(short).max(20).default([]),
  monitoring: safeText(textLimits.medium, 0).default(''),
  successCriteria: safeText(textLimits.medium, 0).default(''),
};

const outcomeSchema = z.strictObject({ targetId: idSchema, met: z.boolean(), evidence: long });

/** The corrected content of one entry (a correction supersedes it; the original stays in the history). */
const correctionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('observation'),
    observationId: idSchema,
    date: civilDateSchema,
    observers: z.array(idSchema).min(1).max(5),
    notes: long,
  }),
  z.strictObject({
    kind: z.literal('review'),
    reviewId: idSchema,
    heldOn: civilDateSchema,
    outcomes: z.array(outcomeSchema).min(1).max(20),
    notes: optionalLong,
  }),
  /** A duty recorded as done in error: the record says it is not done. */
  z.strictObject({ kind: z.literal('duty'), dutyId: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
  z.strictObject({
    kind: z.literal('finalOutcome'),
    progress: z.enum(['sufficient', 'insufficient']),
    basis: z.enum(['unlikely-to-progress', 'serious-negative-impact']).nullable().default(null),
    agreedBy: z.array(idSchema).max(10).default([]),
    notes: long,
    /** Why the corrected outcome departs from the latest review, when it does (ME-60..62). */
    reasonAgainstReview: long.nullable().default(null),
  }),
  /** A meeting marked held in error (held: false), or its notes corrected (held: true). */
  z.strictObject({
    kind: z.literal('meeting'),
    meetingId: idSchema,
    held: z.boolean(),
    notes: optionalLong,
  }),
]);

/**
 * The DfE handoff (ME-70): the recommending board's date and decision, and what a provider enters
 * in DfE Register to withdraw or defer the trainee (who chose, the reason category, the date).
 */
const dfeHandoffFields = {
  boardDate: civilDateSchema,
  decision: z.enum(['withdrawn', 'deferred', 'not-confirmed']),
  whoChose: z.enum(['provider', 'trainee']),
  reasonCategory: z.enum([
    'lack-of-progress-during-placements',
    'not-meeting-qts-standards',
    'safeguarding-concerns',
    'health-reasons',
    'personal-reasons',
    'other',
  ]),
  reasonDetails: optionalLong,
  effectiveDate: civilDateSchema,
  wouldConsiderTeaching: z.enum(['yes', 'no', 'not-asked']).default('not-asked'),
};

/** Every command on an existing case, discriminated by `type`. */
export const caseCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('addParticipant'), participant: participantInputSchema }),
  z.strictObject({ type: z.literal('removeParticipant'), participantId: idSchema }),
  z.strictObject({
    type: z.literal('raiseConcern'),
    category: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a category id'),
    description: long,
    evidence: safeText(textLimits.long, 0).nullable().default(null),
    source: z
      .strictObject({
        kind: z.enum(['teams-message', 'tab', 'api']),
        url: z
          .url({ protocol: /^https$/, message: 'must be an https URL' })
          .max(2000)
          .nullable()
          .default(null),
        author: short.nullable().default(null),
      })
      .nullable()
      .default(null),
    seriousIncident: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal('startStage'),
    stageId: z.string().regex(/^[a-z0-9-]{1,40}$/),
    entryId: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .optional(),
    reason: long,
    overview: optionalLong,
    evidence: z
      .strictObject({
        writtenReports: z.array(medium).max(20).default([]),
        observationIds: z.array(idSchema).max(20).default([]),
      })
      .default({ writtenReports: [], observationIds: [] }),
    recordedFromPaper: paperStageSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('setPlanDetails'),
    overview: optionalLong,
    supportMeasures: optionalLong,
  }),
  z.strictObject({ type: z.literal('addTarget'), ...targetFields }),
  z.strictObject({ type: z.literal('updateTarget'), targetId: idSchema, ...targetFields }),
  z.strictObject({ type: z.literal('removeTarget'), targetId: idSchema }),
  z.strictObject({ type: z.literal('setReviewDate'), reviewDate: civilDateSchema }),
  z.strictObject({
    type: z.literal('signPlan'),
    planVersion: z.number().int().positive(),
    typedFullName: short,
    role: roleSchema.optional(),
    recordedFromPaper: paperSignatureSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('scheduleMeeting'),
    meetingDefinitionId: z.string().regex(/^[a-z0-9-]{1,60}$/),
    start: instantSchema,
    durationMinutes: z.number().int().min(10).max(480),
    online: z.boolean(),
    attendees: z.array(idSchema).min(1).max(30),
    recordedFromPaper: paperMeetingSchema.optional(),
  }),
  z.strictObject({ type: z.literal('recordMeetingHeld'), meetingId: idSchema, notes: long }),
  z.strictObject({ type: z.literal('cancelMeeting'), meetingId: idSchema, reason: medium }),
  z.strictObject({
    type: z.literal('recordObservation'),
    observationDefinitionId: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .nullable()
      .default(null),
    date: civilDateSchema,
    observers: z.array(idSchema).min(1).max(5),
    notes: long,
    /** Why it was not on the agreed date (BF-10); asked for when it departs from it. */
    departureReason: long.nullable().default(null),
    recordedFromPaper: paperEntrySchema.optional(),
  }),
  z.strictObject({
    type: z.literal('recordReview'),
    heldOn: civilDateSchema,
    outcomes: z
      .array(z.strictObject({ targetId: idSchema, met: z.boolean(), evidence: long }))
      .min(1)
      .max(20),
    notes: optionalLong,
    /** Why it was not held on the agreed date (BF-10); asked for when it departs from it. */
    departureReason: long.nullable().default(null),
    recordedFromPaper: paperEntrySchema.optional(),
  }),
  z.strictObject({
    type: z.literal('recordFinalOutcome'),
    progress: z.enum(['sufficient', 'insufficient']),
    basis: z.enum(['unlikely-to-progress', 'serious-negative-impact']).nullable().default(null),
    agreedBy: z.array(idSchema).max(10).default([]),
    notes: long,
    /** Why the outcome departs from what the latest review found (ME-60..62); needed only then. */
    reasonAgainstReview: long.nullable().default(null),
  }),
  z.strictObject({
    type: z.literal('completeDuty'),
    dutyId: z.string().regex(/^[a-z0-9-]{1,60}$/),
    notes: optionalLong,
  }),
  z.strictObject({
    type: z.literal('recordAppealDecision'),
    decision: z.enum(['declined', 'lodged']),
  }),
  z.strictObject({
    type: z.literal('recordAppealOutcome'),
    outcome: z.enum(['upheld', 'dismissed']),
    notes: long,
  }),
  z.strictObject({
    type: z.literal('addComment'),
    text: long,
    visibility: z.enum(['all', 'staff']).default('all'),
  }),
  z.strictObject({
    type: z.literal('recordImp'),
    pointId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
    grades: z
      .array(
        z.strictObject({
          indicator: short,
          grade: z.string().min(1).max(40),
          placement: z.enum(['A', 'B']).nullable().default(null),
        }),
      )
      .min(1)
      .max(200),
    partTwoMet: z.boolean(),
    coreValues: z.array(z.string().min(1).max(40)).max(10).default([]),
    standardsMetInFull: z.boolean().nullable().default(null),
  }),
  z.strictObject({
    type: z.literal('recordDfeHandoff'),
    ...dfeHandoffFields,
  }),
  z.strictObject({
    type: z.literal('correctEntry'),
    /** Why the entry was wrong: mandatory, kept in the history (issue 12). */
    reason: long,
    correction: correctionSchema,
  }),
  z.strictObject({
    type: z.literal('acknowledgeConcern'),
    concernId: idSchema,
  }),
  z.strictObject({
    type: z.literal('retryDelivery'),
    effectId: z.string().regex(/^\d{10}-\d{3}$/, 'must be an effect id like 0000000012-000'),
  }),
  z.strictObject({
    type: z.literal('closeCase'),
    closureId: z.string().regex(/^[a-z0-9-]{1,60}$/),
    notes: long,
  }),
]);

/** An open-case command. */
export type OpenCaseCommand = z.infer<typeof openCaseSchema>;
/** A command on an existing case. */
export type CaseCommand = z.infer<typeof caseCommandSchema>;
/** The name of a case command. */
export type CaseCommandType = CaseCommand['type'];
/** A command of one type. */
export type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
/** Every command type, for tables keyed by command. */
export const caseCommandTypes = caseCommandSchema.options.map((o) => o.shape.type.value);

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): Result<T> {
  const result = schema.safeParse(value);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
  return fail(
    refuse(
      'VALIDATION_FAILED',
      `The ${what} is not valid${where}: ${issue?.message ?? 'invalid'}.`,
    ),
  );
}

/**
 * A case command checked against its schema (text limits, no control characters, ids of the
 * right shape) and normalised (NFC, trimmed). The application service runs it on every command,
 * whichever channel sent it.
 */
export function parseCaseCommand(value: unknown): Result<CaseCommand> {
  return parsed(caseCommandSchema, value, 'command');
}

/** The input that opens a case, checked and normalised like `parseCaseCommand`. */
export function parseOpenCase(value: unknown): Result<OpenCaseCommand> {
  return parsed(openCaseSchema, value, 'new case');
}
