import type { CaseCommand } from '@shared/domain/commands';
import type { CaseRecordView } from '@shared/record/stages-view';
import {
  createAppServices,
  type AppServices,
} from '../../functions/src/services/create-case-service';
import { as, cmd, person, who } from './service-fixture';

/** A clock the test moves forward (reviews fall inside their windows, ME-11). */
export class TestClock {
  constructor(public now: Date) {}
  readonly read = (): Date => this.now;
  today(): string {
    return this.now.toISOString().slice(0, 10);
  }
  advanceDays(days: number): void {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }
}

/** The application service on existing tables, with its own clock. */
export function servicesOn(
  tables: { cases: string; providers: string; securityAudit: string },
  clock: TestClock,
): AppServices {
  const connectionString = process.env.AZURE_TABLES_CONNECTION_STRING ?? '';
  return createAppServices(
    { connectionString },
    { tables, clock: clock.read, providerCacheMs: 60_000 },
  );
}

/** Refusals that waiting a school day can cure (a review window not yet open, ME-11 timescale). */
const waitable = new Set([
  'GUARD_FAILED',
  'REVIEW_NOT_ALLOWED_YET',
  'TRANSITION_NOT_ALLOWED',
  'REVIEW_DATE_OUTSIDE_WINDOW',
]);

/** What the full case fixture names, for tests that check documents against it. */
export interface FullCase {
  readonly caseId: string;
  readonly view: CaseRecordView;
}

const noEvidence = { writtenReports: [], observationIds: [] };
const team = [
  'me-course-tutor',
  'me-mentor',
  'me-professional-tutor',
  'me-lead-subject-tutor',
  'me-director',
];

/**
 * A Mid Essex case taken through every stage by the real service: Pre-Stage 1, Stage 1 and 2
 * ISPs not met, the Cause for Concern with its joint observation, the final review (Outcome 2),
 * Stage 5 with the appeal declined, Stage 6 and the case closed as withdrawn (ME-13..ME-70).
 */
export async function meThroughEveryStage(
  s: AppServices,
  clock: TestClock,
  trainee = 'me-trainee-1',
  options: { stopAtStage6?: boolean } = {},
): Promise<FullCase> {
  const ct = who('me-course-tutor');
  const opened = await s.cases.openCase(
    ct,
    'mid-essex-itt',
    {
      trainee: {
        ...person(trainee),
        route: 'secondary',
        subject: 'Mathematics',
        school: 'Riverside School',
        placement: 'Placement A',
      },
      participants: team.map((p) => as(p)),
    },
    cmd(),
  );
  if (!opened.ok) throw new Error(opened.refusal.message);
  const id = opened.value.caseId;
  const view = async () => {
    const v = await s.cases.getCase(ct, id);
    if (!v.ok) throw new Error(v.refusal.message);
    return v.value as CaseRecordView;
  };
  const run = async (persona: string, make: () => unknown) => {
    for (let attempt = 0; attempt < 25; attempt += 1) {
      const result = await s.cases.execute(who(persona), id, make() as CaseCommand, cmd());
      if (result.ok) return;
      if (!waitable.has(result.refusal.code) || attempt === 24)
        throw new Error(`${persona}: ${result.refusal.code}: ${result.refusal.message}`);
      clock.advanceDays(1);
    }
  };
  const pid = async (role: string) =>
    (await view()).participants.find((p) => p.role === role && p.active)!.participantId;
  const reviewDate = async () => {
    const latest = (await view()).stage?.reviewWindow?.latest ?? null;
    if (latest !== null)
      await run('me-course-tutor', () => ({ type: 'setReviewDate', reviewDate: latest }));
  };
  const sign = async (roles: readonly [string, string][]) => {
    const v = await view();
    for (const [persona, role] of roles)
      await run(persona, () => ({
        type: 'signPlan',
        planVersion: v.stage!.plan.version,
        typedFullName: who(persona).name,
        role,
      }));
  };
  const review = async (persona: string, metFirst: boolean, notes: string) => {
    const targets = (await view()).stage!.plan.targets;
    await run(persona, () => ({
      type: 'recordReview',
      heldOn: clock.today(),
      outcomes: targets.map((t, i) => ({
        targetId: t.targetId,
        met: i === 0 ? metFirst : false,
        evidence:
          i === 0 && metFirst
            ? `Target ${String(i + 1)} seen in two lessons`
            : `Target ${String(i + 1)} not seen yet`,
      })),
      notes,
    }));
  };
  // A meeting of the current stage with the participants holding `roles`, recorded held (ME-46, ME-64).
  const holdMeeting = async (persona: string, meetingDefinitionId: string, roles: string[]) => {
    const v = await view();
    const attendees = v.participants
      .filter((p) => p.active && roles.includes(p.role))
      .map((p) => p.participantId);
    await run(persona, () => ({
      type: 'scheduleMeeting',
      meetingDefinitionId,
      start: clock.now.toISOString(),
      durationMinutes: 60,
      online: true,
      attendees,
    }));
    const meeting = (await view()).stage!.meetings.at(-1)!;
    await run(persona, () => ({
      type: 'recordMeetingHeld',
      meetingId: meeting.meetingId,
      notes: 'Held as planned',
    }));
  };
  const target = (n: number, stage: string) => ({
    type: 'addTarget',
    text: `${stage} target ${String(n)}: consistent behaviour routines`,
    actions: [`${stage} action ${String(n)}: plan a seating strategy`],
    indicators: [`AI ${String(n)}.2`],
    monitoring: `${stage} monitoring ${String(n)}: weekly observation`,
    successCriteria: `${stage} success ${String(n)}: two calm lessons`,
  });
  const isp = [
    ['me-trainee-1', 'trainee'],
    ['me-mentor', 'mentor'],
    ['me-professional-tutor', 'professionalMentor'],
    ['me-course-tutor', 'courseTutor'],
    ['me-lead-subject-tutor', 'leadSubjectTutor'],
  ].map(([p, r]) => [p === 'me-trainee-1' ? trainee : p!, r!] as [string, string]);

  await run('me-professional-tutor', () => ({
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is not consistent in Year 9.',
    evidence: null,
    source: null,
    seriousIncident: false,
  }));
  await run('me-course-tutor', () => ({
    type: 'startStage',
    stageId: 'pre-stage-1',
    reason: 'Professional Tutor contacted Mid Essex ITT',
    overview: 'Support with behaviour management in Year 9',
    evidence: noEvidence,
  }));
  await run('me-course-tutor', () => ({
    type: 'completeDuty',
    dutyId: 'evidence-gathered',
    notes: 'Spoke to the PT and mentor',
  }));
  await run('me-course-tutor', () => ({
    type: 'startStage',
    stageId: 'stage-1',
    entryId: 'isp',
    reason: 'Individual Support Plan agreed',
    overview: 'Stage 1 overview: behaviour routines',
    evidence: noEvidence,
  }));
  for (const n of [1, 2]) await run('me-course-tutor', () => target(n, 'Stage 1'));
  await reviewDate();
  await sign(isp);
  clock.advanceDays(7);
  await review('me-mentor', true, 'Stage 1 review notes: target 2 not met');
  await run('me-course-tutor', () => ({
    type: 'startStage',
    stageId: 'stage-2',
    reason: 'Stage 1 targets not met',
    overview: 'Stage 2 overview: routines and feedback',
    evidence: noEvidence,
  }));
  for (const n of [1, 2]) await run('me-course-tutor', () => target(n, 'Stage 2'));
  await reviewDate();
  await sign(isp);
  clock.advanceDays(7);
  await review('me-course-tutor', false, 'Stage 2 review notes: no target met');
  await run('me-course-tutor', () => ({
    type: 'startStage',
    stageId: 'stage-3',
    reason: 'Not met at both ISP stages',
    overview: 'Cause for Concern: behaviour management',
    evidence: noEvidence,
  }));
  await run('me-course-tutor', () => target(1, 'Stage 3'));
  await reviewDate();
  const observers = [await pid('mentor'), await pid('courseTutor')];
  await run('me-course-tutor', () => ({
    type: 'recordObservation',
    observationDefinitionId: 'joint-observation',
    date: clock.today(),
    observers,
    notes: 'Initial joint observation of Year 9',
  }));
  await holdMeeting('me-course-tutor', 'cfc-meeting', [
    'courseTutor',
    'mentor',
    'trainee',
    'professionalMentor',
    'director',
  ]);
  await sign([...isp.slice(0, 4), ['me-director', 'director']]);
  clock.advanceDays(10);
  await run('me-course-tutor', () => ({
    type: 'startStage',
    stageId: 'stage-4',
    reason: 'Final review due',
    overview: '',
    evidence: noEvidence,
  }));
  await review('me-course-tutor', false, 'Final review notes: insufficient progress');
  const agreedBy = [await pid('mentor'), await pid('leadSubjectTutor'), await pid('courseTutor')];
  await run('me-course-tutor', () => ({
    type: 'recordFinalOutcome',
    progress: 'insufficient',
    basis: 'unlikely-to-progress',
    agreedBy,
    notes: 'Agreed at the final review',
  }));
  await run('me-director', () => ({
    type: 'startStage',
    stageId: 'stage-5',
    reason: 'Trainee fails the programme',
    overview: '',
    evidence: noEvidence,
  }));
  await holdMeeting('me-director', 'director-meeting', ['director', 'trainee']);
  for (const dutyId of [
    'programme-terminated',
    'director-meeting-record',
    'right-of-appeal-informed',
    'formal-letter',
    'school-report',
  ])
    await run('me-director', () => ({ type: 'completeDuty', dutyId, notes: '' }));
  await run('me-director', () => ({ type: 'recordAppealDecision', decision: 'declined' }));
  await run('me-director', () => ({
    type: 'completeDuty',
    dutyId: 'exit-interview',
    notes: 'Exit interview held',
  }));
  await run('me-director', () => ({
    type: 'startStage',
    stageId: 'stage-6',
    reason: 'To the recommending board',
    overview: '',
    evidence: noEvidence,
  }));
  if (options.stopAtStage6 === true) return { caseId: id, view: await view() };
  await run('me-director', () => ({
    type: 'recordDfeHandoff',
    boardDate: clock.today(),
    decision: 'withdrawn',
    whoChose: 'provider',
    reasonCategory: 'lack-of-progress-during-placements',
    reasonDetails: 'Outcome 2 at the final review (ME-62)',
    effectiveDate: clock.today(),
    wouldConsiderTeaching: 'not-asked',
  }));
  await run('me-director', () => ({
    type: 'closeCase',
    closureId: 'withdrawn',
    notes: 'Board confirmed on the recommending board date',
  }));
  return { caseId: id, view: await view() };
}
