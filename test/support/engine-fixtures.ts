import { todayInUk, type CalendarSettings } from '@shared/calendar';
import { actorFor } from '@shared/domain/actor';
import { buildCaseView } from '@shared/domain/case-view';
import type { Identity, StaffMember } from '@shared/domain/context';
import type { Effect, NotificationTemplate } from '@shared/domain/effects';
import type { CaseEventType } from '@shared/domain/events';
import type { Role } from '@shared/domain/roles';
import type { CaseView } from '@shared/domain/view';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import { EngineHarness, emailOf, participant, person } from './engine-harness';

/** Mid Essex ITT people. School staff sit in the partner school's tenant (2). */
export const ME = {
  courseTutor: person(1, 'Carol Tutor'),
  mentor: person(2, 'Mo Mentor', 2),
  professionalTutor: person(3, 'Pat Professional', 2),
  leadSubjectTutor: person(4, 'Lee Subject'),
  director: person(5, 'Dee Director'),
  trainee: person(6, 'Tara Trainee'),
  programmeLeader: person(7, 'Pru Leader'),
  secondMentor: person(8, 'Max Mentor', 2),
  outsider: person(9, 'Olly Outsider', 3),
} as const;

/** Bright Futures SCITT people. */
export const BF = {
  lead: person(11, 'Lena Lead'),
  mentor: person(12, 'Mia Mentor', 2),
  professionalMentor: person(13, 'Paul Professional', 2),
  trainee: person(14, 'Theo Trainee'),
  director: person(15, 'Dana Director'),
  secondMentor: person(16, 'Sam Subject-Mentor', 2),
  outsider: person(19, 'Olly Outsider', 3),
} as const;

/** A provider-wide staff entry. */
export function staff(who: Identity, role: Role): StaffMember {
  return { ...who, email: null, role };
}

/** Mid Essex 2024-25 term dates, half terms as separate terms; the Easter holidays run 5-21 April 2025. */
export const essexTerms2024to25: CalendarSettings = {
  region: 'england-and-wales',
  termDates: [
    { start: '2024-09-04', end: '2024-10-25', label: 'Autumn 1' },
    { start: '2024-11-04', end: '2024-12-20', label: 'Autumn 2' },
    { start: '2025-01-06', end: '2025-02-14', label: 'Spring 1' },
    { start: '2025-02-24', end: '2025-04-04', label: 'Spring 2' },
    { start: '2025-04-22', end: '2025-05-23', label: 'Summer 1' },
    { start: '2025-06-02', end: '2025-07-22', label: 'Summer 2' },
  ],
  closures: [],
};

interface OpenOptions {
  start?: string;
  settings?: Record<string, unknown>;
  calendar?: CalendarSettings;
  definition?: ProcedureDefinition;
  /** Extra participants beyond the usual team. */
  extra?: [Role, Identity][];
  /** Leave these roles out of the team. */
  without?: Role[];
}

const noTerms: CalendarSettings = { region: 'england-and-wales', termDates: [], closures: [] };

/** What differs between the providers' standard cases. */
interface CaseShape {
  readonly procedureId: string;
  readonly staff: readonly ReturnType<typeof staff>[];
  readonly opener: Identity;
  readonly trainee: Identity;
  readonly place: { route: string; subject: string; school: string };
  readonly team: readonly [Role, Identity][];
}

/** Opens a case of `shape` on a fresh harness, with `options` applied. */
function openCase(shape: CaseShape, options: OpenOptions): EngineHarness {
  const h = new EngineHarness(
    shape.procedureId,
    options.start ?? '2025-01-06T09:00:00Z',
    [...shape.staff],
    options.settings ?? {},
    options.calendar ?? noTerms,
    options.definition,
  );
  const refusal = h.open(shape.opener, {
    trainee: {
      name: shape.trainee.name,
      email: emailOf(shape.trainee),
      tid: shape.trainee.tid,
      oid: shape.trainee.oid,
      ...shape.place,
      placement: 'A',
    },
    participants: [...shape.team, ...(options.extra ?? [])]
      .filter(([role]) => !(options.without ?? []).includes(role))
      .map(([role, who]) => participant(role, who)),
  });
  if (refusal !== null) throw new Error(refusal.message);
  return h;
}

/** A Mid Essex case for a secondary maths trainee with the whole team named. */
export function openMidEssex(options: OpenOptions = {}): EngineHarness {
  return openCase(
    {
      procedureId: 'mid-essex-itt',
      staff: [
        staff(ME.director, 'director'),
        staff(ME.programmeLeader, 'programmeLead'),
        staff(ME.courseTutor, 'courseTutor'),
      ],
      opener: ME.courseTutor,
      trainee: ME.trainee,
      place: { route: 'secondary', subject: 'Maths', school: 'Chelmsford High' },
      team: [
        ['courseTutor', ME.courseTutor],
        ['mentor', ME.mentor],
        ['professionalMentor', ME.professionalTutor],
        ['leadSubjectTutor', ME.leadSubjectTutor],
        ['director', ME.director],
      ],
    },
    options,
  );
}

/** A Bright Futures case for a primary trainee with the Lead, both mentors and the Director named. */
export function openBrightFutures(options: OpenOptions = {}): EngineHarness {
  return openCase(
    {
      procedureId: 'bright-futures-scitt',
      staff: [staff(BF.lead, 'programmeLead'), staff(BF.director, 'director')],
      opener: BF.lead,
      trainee: BF.trainee,
      place: { route: 'primary', subject: 'Primary', school: 'Oakfield Primary' },
      team: [
        ['programmeLead', BF.lead],
        ['mentor', BF.mentor],
        ['professionalMentor', BF.professionalMentor],
        ['director', BF.director],
      ],
    },
    options,
  );
}

/** A complete SHARP target (ME-06, ME-26): actions, linked indicators, monitoring, success criteria. */
export function sharpTarget(text: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'addTarget',
    text,
    actions: ['Plan each lesson with a behaviour strategy'],
    indicators: ['AI 3.2'],
    monitoring: 'Weekly observation',
    successCriteria: 'Two consecutive lessons with low-level disruption handled',
    ...overrides,
  };
}

/** A SMART target with action steps (BF-07, BF-17). */
export function smartTarget(text: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'addTarget',
    text,
    actions: ['Co-plan two lessons a week with the class mentor'],
    ...overrides,
  };
}

/** Today's civil date on the harness clock. */
export function today(h: EngineHarness): string {
  return todayInUk(h.now);
}

/** Signs the current plan version as each person, with their own typed name. */
export function signAll(h: EngineHarness, signers: readonly (readonly [Identity, Role])[]): void {
  const version = h.mustState().current!.plan.version;
  for (const [who, role] of signers)
    h.ok(who, { type: 'signPlan', planVersion: version, typedFullName: who.name, role });
}

/** Records a review of every target on the plan, all met or all not met. */
export function reviewAll(h: EngineHarness, who: Identity, met: boolean, heldOn?: string): void {
  if (heldOn === undefined) advanceToReviewPoint(h);
  h.ok(who, {
    type: 'recordReview',
    heldOn: heldOn ?? today(h),
    outcomes: h.targetIds().map((targetId) => ({
      targetId,
      met,
      evidence: met ? 'Observed and met' : 'Not yet shown in observations',
    })),
  });
}

/** Reviews happen at the review point: moves the clock to the window's earliest date if it is still ahead (ME-11). */
export function advanceToReviewPoint(h: EngineHarness): void {
  const enforced = h.definition.settings.some((x) => x.key === 'enforceTimescale');
  if (!enforced || h.settingValues.enforceTimescale === false) return;
  const earliest = viewAs(h, anyStaff(h)).stage?.reviewWindow?.earliest;
  if (earliest != null && earliest > today(h)) h.now = new Date(`${earliest}T09:00:00Z`);
}

function anyStaff(h: EngineHarness): Identity {
  return h.definition.id === 'mid-essex-itt' ? ME.courseTutor : BF.lead;
}

/** Notifications sent with one template. */
export function notifications(
  h: EngineHarness,
  template: NotificationTemplate,
): Extract<Effect, { kind: 'notify' }>[] {
  return h.effects.filter(
    (e): e is Extract<Effect, { kind: 'notify' }> => e.kind === 'notify' && e.template === template,
  );
}

/** The events of one type. */
export function eventsOf(h: EngineHarness, type: CaseEventType) {
  return h.events.filter((e) => e.type === type);
}

/** The case as one person sees it. */
export function viewAs(h: EngineHarness, who: Identity): CaseView {
  const state = h.mustState();
  return buildCaseView(h.ctx(), state, actorFor(state, h.staff, who));
}

/** Participant ids of every active participant holding one of the roles. */
export function idsOf(h: EngineHarness, roles: readonly Role[]): string[] {
  return h
    .mustState()
    .participants.filter((p) => p.removedAt === null && roles.includes(p.role))
    .map((p) => p.participantId);
}

/** Runs a command and captures the effects it alone produced. */
export function effectsOf(h: EngineHarness, who: Identity, input: unknown): Effect[] {
  const before = h.effects.length;
  h.ok(who, input);
  return h.effects.slice(before);
}

// ---- Mid Essex: the usual route, step by step ----

const allSigners = [
  [ME.trainee, 'trainee'],
  [ME.mentor, 'mentor'],
  [ME.professionalTutor, 'professionalMentor'],
  [ME.courseTutor, 'courseTutor'],
  [ME.leadSubjectTutor, 'leadSubjectTutor'],
] as const;

/** Concern raised by the Professional Tutor, Pre-Stage 1 evidence gathered, Stage 1 started with targets signed. */
export function meToStage1(h: EngineHarness, targets = 2): void {
  h.ok(ME.professionalTutor, {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is weak in Year 9',
  });
  h.ok(ME.courseTutor, {
    type: 'startStage',
    stageId: 'pre-stage-1',
    reason: 'Professional Tutor contacted Mid Essex ITT',
  });
  h.ok(ME.courseTutor, {
    type: 'completeDuty',
    dutyId: 'evidence-gathered',
    notes: 'Spoke to PT and mentor',
  });
  h.ok(ME.courseTutor, { type: 'startStage', stageId: 'stage-1', reason: 'ISP needed' });
  for (let i = 1; i <= targets; i++) h.ok(ME.courseTutor, sharpTarget(`Stage 1 target ${i}`));
  signAll(h, allSigners);
}

/** Stage 1 reviewed with a target not met, Stage 2 started with targets signed. */
export function meToStage2(h: EngineHarness, targets = 2): void {
  h.advanceDays(8);
  reviewAll(h, ME.mentor, false);
  h.ok(ME.courseTutor, {
    type: 'startStage',
    stageId: 'stage-2',
    reason: 'Stage 1 targets not met',
  });
  for (let i = 1; i <= targets; i++) h.ok(ME.courseTutor, sharpTarget(`Stage 2 target ${i}`));
  signAll(h, allSigners);
}

/** Stage 2 reviewed with a target not met, Cause for Concern issued with one target and the joint observation. */
export function meToStage3(h: EngineHarness): void {
  h.advanceDays(8);
  reviewAll(h, ME.courseTutor, false);
  h.ok(ME.courseTutor, {
    type: 'startStage',
    stageId: 'stage-3',
    reason: 'Not met at both ISP stages',
  });
  h.ok(ME.courseTutor, sharpTarget('CfC target 1'));
  h.ok(ME.courseTutor, {
    type: 'recordObservation',
    observationDefinitionId: 'joint-observation',
    date: today(h),
    observers: [h.participantId(ME.mentor), h.participantId(ME.courseTutor)],
    notes: 'Initial joint observation',
  });
}

/** Schedules a meeting of the current stage with every active participant holding `roles`, and records it held. */
export function holdMeeting(
  h: EngineHarness,
  who: Identity,
  meetingDefinitionId: string,
  roles: readonly Role[],
): void {
  h.ok(who, {
    type: 'scheduleMeeting',
    meetingDefinitionId,
    start: h.now.toISOString(),
    durationMinutes: 60,
    online: true,
    attendees: idsOf(h, roles),
  });
  const meeting = h.mustState().current!.meetings.at(-1)!;
  h.ok(who, { type: 'recordMeetingHeld', meetingId: meeting.meetingId, notes: 'Held as planned' });
}

const cfcSigners = [
  [ME.trainee, 'trainee'],
  [ME.mentor, 'mentor'],
  [ME.professionalTutor, 'professionalMentor'],
  [ME.courseTutor, 'courseTutor'],
  [ME.director, 'director'],
] as const;

/** What Stage 3 requires before the final review (ME-44, ME-46, ME-57): the joint observation, the CfC meeting held, the plan signed. */
export function meCompleteStage3(h: EngineHarness): void {
  if (!h.mustState().current!.observations.some((o) => o.definitionId === 'joint-observation'))
    h.ok(ME.courseTutor, {
      type: 'recordObservation',
      observationDefinitionId: 'joint-observation',
      date: today(h),
      observers: [h.participantId(ME.mentor), h.participantId(ME.courseTutor)],
      notes: 'Initial joint observation',
    });
  holdMeeting(h, ME.courseTutor, 'cfc-meeting', [
    'courseTutor',
    'mentor',
    'trainee',
    'professionalMentor',
    'director',
  ]);
  signAll(h, cfcSigners);
}

/** The final review opened and its targets reviewed (met or not). */
export function meToStage4(h: EngineHarness, met: boolean): void {
  meCompleteStage3(h);
  h.advanceDays(10);
  h.ok(ME.courseTutor, { type: 'startStage', stageId: 'stage-4', reason: 'Final review due' });
  reviewAll(h, ME.courseTutor, met);
}

/** Outcome 2 agreed by school, Lead Subject Tutor and Course Tutor; Stage 5 started by the Director. */
export function meToStage5(h: EngineHarness): void {
  h.ok(ME.courseTutor, {
    type: 'recordFinalOutcome',
    progress: 'insufficient',
    basis: 'unlikely-to-progress',
    agreedBy: [
      h.participantId(ME.mentor),
      h.participantId(ME.leadSubjectTutor),
      h.participantId(ME.courseTutor),
    ],
    notes: 'Agreed at the final review',
  });
  h.ok(ME.director, {
    type: 'startStage',
    stageId: 'stage-5',
    reason: 'Trainee fails the programme',
  });
}

/** The Stage 5 duties that apply whatever the appeal decision, and the right of appeal. */
export function meStage5Duties(h: EngineHarness): void {
  holdMeeting(h, ME.director, 'director-meeting', ['director', 'trainee']); // ME-64
  for (const dutyId of [
    'programme-terminated',
    'director-meeting-record',
    'right-of-appeal-informed',
    'formal-letter',
    'school-report',
  ]) {
    h.ok(ME.director, { type: 'completeDuty', dutyId });
  }
}

// ---- Bright Futures: the usual route ----

/** Concern self-referred by the trainee, Stage 1 started by the Lead with targets, observed and reviewed. */
export function bfToStage1Review(h: EngineHarness, met: boolean): void {
  h.ok(BF.trainee, {
    type: 'raiseConcern',
    category: 'wellbeing-workload',
    description: 'I am struggling to keep up with planning',
  });
  h.ok(BF.lead, { type: 'startStage', stageId: 'stage-1', reason: 'Trainee asked for support' });
  h.ok(BF.lead, smartTarget('Plan a full week ahead'));
  h.ok(BF.lead, { type: 'completeDuty', dutyId: 'action-steps-agreed' });
  h.ok(BF.professionalMentor, {
    type: 'recordObservation',
    observationDefinitionId: 'review-observation',
    date: today(h),
    observers: [h.participantId(BF.professionalMentor)],
    notes: 'Observed Year 3 maths',
  });
  reviewAll(h, BF.professionalMentor, met);
}

/** Stage 2 started by the Lead, with one target signed by all partners. */
export function bfToStage2(h: EngineHarness): void {
  h.ok(BF.lead, { type: 'startStage', stageId: 'stage-2', reason: 'Concerns are ongoing' });
  h.ok(BF.lead, smartTarget('Weekly planning reviewed with the mentor'));
  signAll(h, [
    [BF.lead, 'programmeLead'],
    [BF.mentor, 'mentor'],
    [BF.professionalMentor, 'professionalMentor'],
    [BF.trainee, 'trainee'],
  ]);
}

/** Stage 2 not met, Stage 3 started by the Lead, Lead observation recorded, review met or not. */
export function bfToStage3Review(h: EngineHarness, met: boolean): void {
  reviewAll(h, BF.lead, false);
  const done = h.mustState().current?.duties.map((d) => d.dutyId) ?? [];
  for (const dutyId of ['expectation-set', 'next-steps-explained', 'plan-shared']) {
    if (!done.includes(dutyId)) h.ok(BF.lead, { type: 'completeDuty', dutyId }); // BF-15, BF-19, BF-21 before Stage 3
  }
  h.ok(BF.lead, {
    type: 'startStage',
    stageId: 'stage-3',
    reason: 'Support plan has not led to progress',
  });
  h.ok(BF.lead, {
    type: 'recordObservation',
    observationDefinitionId: 'lead-observation',
    date: today(h),
    observers: [h.participantId(BF.lead)],
    notes: 'Lead observed',
  });
  reviewAll(h, BF.lead, met);
}
