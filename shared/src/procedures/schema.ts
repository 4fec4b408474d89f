import { z } from 'zod';
import { roleSchema } from '../domain/roles';

/** A checklist rule id such as BF-11, ME-48 or X-01 (a provider may use its own prefix). */
export const ruleIdSchema = z
  .string()
  .regex(/^[A-Z]{1,4}-\d{2,3}$/, 'must be a rule id such as ME-19');
const rules = z.array(ruleIdSchema).min(1, 'every rule in a definition names the clause it enacts');

/** A value given literally or read from a provider setting (the X-items are settings, never guesses). */
export function param<T extends z.ZodType>(value: T) {
  return z.union([value, z.strictObject({ setting: z.string().min(1) })]);
}
const roleList = z.array(roleSchema).min(1);
const dayUnit = z.enum(['school', 'working']);

/** A named guard with parameters; implemented in `rules/guards.ts`. */
export const guardSchema = z.strictObject({
  name: z.enum([
    'latestReviewHasUnmetTarget',
    'latestReviewAllMet',
    'stagesEndedWithUnmetTargets',
    'timescaleExhausted',
    'seriousIncidentRaised',
    'writtenEvidence',
    'finalOutcomeConditions',
    'dutiesComplete',
    'appealResolved',
    'meetingHeld',
    'settingEnabled',
    'concernRaised',
    'targetsSet',
    'observationRecorded',
    'planFullySigned',
  ]),
  params: z.record(z.string(), z.unknown()).default({}),
  rules,
});

/** One way into a stage. */
export const entrySchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  from: z.array(z.string().min(1)).min(1),
  by: param(roleList),
  guards: z.array(guardSchema).default([]),
  rules,
});

/** The plan a stage keeps: targets, their style and limits. */
export const planSchema = z.strictObject({
  targetStyle: z.enum(['SMART', 'SHARP']),
  maxTargets: param(z.number().int().positive().nullable()),
  maxActionsPerTarget: param(z.number().int().positive().nullable()),
  requireIndicators: z.boolean(),
  requireMonitoring: z.boolean(),
  requireSuccessCriteria: z.boolean(),
  editableBy: param(roleList),
  rules,
});

/** When a stage's review date may fall, counted on the provider's calendar from the anchor. */
export const reviewDateSchema = z.strictObject({
  minDays: param(z.number().int().nonnegative().nullable()),
  maxDays: param(z.number().int().positive().nullable()),
  unit: param(dayUnit),
  indicativeDays: param(z.number().int().positive().nullable()).optional(),
  anchor: z.enum(['stageStart', 'previousStageStart']).default('stageStart'),
  setBy: param(roleList),
  /**
   * The maximum is a hard limit of the procedure (ME-37, ME-59): the due-date index warns the
   * people who set the date some working days before it passes (setting `windowWarningDays`).
   */
  warnBeforeMaximum: z.boolean().default(false),
  rules,
});

/** Who reviews a stage's targets, and what must happen first. */
export const reviewSchema = z.strictObject({
  by: param(roleList),
  requiresObservation: z.string().optional(),
  multiple: z.boolean().default(false),
  /** Held on the agreed review date (the plan's review date); another date is flagged, not refused (BF-10). */
  onAgreedDate: z.boolean().default(false),
  rules,
});

/** A meeting a stage requires. */
export const meetingSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  participants: roleList,
  /** At least one person from each group must attend, e.g. the class mentor or the professional mentor. */
  anyOf: z.array(roleList).default([]),
  /** Roles the meeting is for: someone in the case must hold each and be invited (BF-26, ME-64). */
  requiredAttendees: z.array(roleSchema).default([]),
  online: z.boolean().nullable(),
  scheduledBy: param(roleList),
  agenda: z.array(z.string()).default([]),
  rules,
});

/** An observation a stage requires: any one of the observer sets (a joint observation lists several roles). */
export const observationSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  observers: z.array(roleList).min(1),
  /** Carried out on the agreed review date; another date is flagged, not refused (BF-10). */
  onAgreedDate: z.boolean().default(false),
  rules,
});

/** Who signs a stage's plan. */
export const signaturesSchema = z.strictObject({
  signers: param(roleList),
  mode: z.enum(['each-participant', 'one-per-role']),
  rules,
});

/** A duty to carry out and record (agreements, letters, notices, interviews). */
export const dutySchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  by: param(roleList),
  onlyIf: z.strictObject({ appeal: z.enum(['declined', 'lodged']) }).optional(),
  effect: z.enum(['appeal-informed']).optional(),
  /** A duty that is a meeting: it can be recorded only once this stage's meeting is held (ME-64). */
  requiresMeeting: z.string().min(1).optional(),
  notify: z.array(roleSchema).default([]),
  rules,
});

/** A way a stage can close the case. */
export const closureSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  by: param(roleList),
  guards: z.array(guardSchema).default([]),
  rules,
});

/** One stage of a procedure. */
export const stageSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  summary: z.string().min(1),
  formal: z.boolean().nullable(),
  entries: z.array(entrySchema).min(1),
  plan: planSchema.optional(),
  /** Carry the previous stage's targets and review date into this stage (a final review of them). */
  carryPlan: z.boolean().default(false),
  reviewDate: reviewDateSchema.optional(),
  review: reviewSchema.optional(),
  finalOutcome: z.boolean().default(false),
  appeal: z.boolean().default(false),
  meetings: z.array(meetingSchema).default([]),
  observations: z.array(observationSchema).default([]),
  signatures: signaturesSchema.optional(),
  duties: z.array(dutySchema).default([]),
  closures: z.array(closureSchema).default([]),
  rules,
});

/** A provider setting that settles an ambiguity, with its stated default. */
export const settingSchema = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  description: z.string().min(1),
  type: z.enum(['dayUnit', 'number', 'nullableNumber', 'boolean', 'roles', 'choice']),
  choices: z.array(z.string()).optional(),
  default: z.unknown(),
  rules,
});

/** An IMP trigger, evaluated over a progress-point record (ME-71..78). */
export const impTriggerSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum([
    'shareOfGrades',
    'anyGrade',
    'partTwoNotMet',
    'standardsNotMetInFull',
    'noOpportunityAtPlacement',
  ]),
  grades: z.array(z.string()).default([]),
  atLeast: z.number().min(0).max(1).optional(),
  recommendation: z.enum([
    'support-plan',
    'support-plan-or-cfc',
    'high-priority',
    'final-stage-cfc',
  ]),
  rules,
});

/**
 * An IMP expectation, checked over a record (ME-73, ME-75, ME-77): `noneOf` holds when no grade is
 * in `grades`; `mainly` when at least `atLeast` of the grades are; `coreValues` when at least `min`
 * CORE values are shown; `noted` raises a note whenever a grade in `grades` appears.
 */
export const impCheckSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(['noneOf', 'mainly', 'coreValues', 'noted']),
  grades: z.array(z.string()).default([]),
  atLeast: z.number().min(0).max(1).optional(),
  min: z.number().int().min(0).max(10).optional(),
  severity: z.enum(['warning', 'note']),
  rules,
});

/** An IMP progress point. */
export const impPointSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  expectations: z.array(z.string()),
  minCoreValues: z.number().int().min(0).max(4),
  triggers: z.array(impTriggerSchema),
  /** The expectations as checks, each evaluated on every record. */
  checks: z.array(impCheckSchema).default([]),
  rules,
});

/** A concern category the procedure recognises. */
export const categorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  specialCategory: z.boolean().default(false),
  rules,
});

/** A whole procedure, as data. */
export const procedureDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
  version: z.string().min(1),
  providerName: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1),
  roleLabels: z.partialRecord(roleSchema, z.string().min(1)),
  concern: z.strictObject({
    raisedBy: param(roleList),
    notify: z.array(z.strictObject({ when: z.array(roleSchema).min(1), notify: roleList, rules })),
    /**
     * The chase of a concern waiting for the course tutor's acknowledgement (ME-05): step n falls
     * `afterDays` working days after the concern was raised and tells `notify` once; acknowledging
     * ends every step. Empty: one step, a working day after, to the course tutor and the
     * programme lead.
     */
    chase: z
      .array(
        z.strictObject({
          step: z.number().int().min(1).max(9),
          afterDays: param(z.number().int().min(0).max(60)),
          notify: param(roleList),
          rules,
        }),
      )
      .default([]),
    categories: z.array(categorySchema).min(1),
    rules,
  }),
  caseOpenedBy: param(roleList),
  closuresWithoutStage: z.array(closureSchema).default([]),
  commentStaffNotesBy: roleList,
  impRecordedBy: param(roleList),
  observationsRecordedBy: param(roleList),
  /**
   * Who may enter what already happened on the provider's paper records (a stage started on an
   * earlier date, past meetings, observations, reviews, signatures), and the rules that rest on.
   * Absent: nothing can be recorded from paper. Issue 11 item 8.
   */
  paperRecords: z.strictObject({ by: param(roleList), rules }).optional(),
  participantsManagedBy: param(roleList),
  notifyOnStageEvents: z.strictObject({ roles: roleList, rules }),
  specialCategoryVisibleTo: param(roleList),
  stages: z.array(stageSchema).min(1),
  settings: z.array(settingSchema).default([]),
  imp: z.array(impPointSchema).default([]),
  grades: z.array(z.string()).default([]),
  coreValues: z.array(z.string()).default([]),
  /** Rules that inform people rather than gate a command, shown where they apply (e.g. a CONFIDENTIAL header). */
  notices: z
    .array(z.strictObject({ id: z.string().min(1), text: z.string().min(1), rules }))
    .default([]),
  placementRules: z
    .array(z.strictObject({ route: z.string(), text: z.string(), rules }))
    .default([]),
  /**
   * The overdue ladder: rung n is reached `afterDays` counting days (the window's unit) after the
   * review fell due, and tells `notify` once. Empty: one rung, the day after it fell due.
   */
  overdueLadder: z
    .array(
      z.strictObject({
        rung: z.number().int().min(1).max(9),
        afterDays: z.number().int().min(0).max(60),
        notify: roleList,
        rules,
      }),
    )
    .default([]),
});

/** A validated procedure definition. */
export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
/** A validated stage. */
export type StageDefinition = z.infer<typeof stageSchema>;
/** A named guard. */
export type GuardDefinition = z.infer<typeof guardSchema>;
/** A value or a setting reference. */
export type Param<T> = T | { setting: string };
