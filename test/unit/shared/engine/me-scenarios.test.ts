import { holdMeeting, meCompleteStage3 } from '../../../support/engine-fixtures';
import { EngineHarness, participant, person, emailOf } from '../../../support/engine-harness';

const ct = person(1, 'Carol Tutor');
const mentor = person(2, 'Mo Mentor', 2);
const pt = person(3, 'Pat Professional', 2);
const lst = person(4, 'Lee Subject');
const director = person(5, 'Dee Director');
const trainee = person(6, 'Tara Trainee');
const outsider = person(9, 'Olly Outsider');

const sharpTarget = (text: string) => ({
  type: 'addTarget',
  text,
  actions: ['Plan each lesson with a behaviour strategy'],
  indicators: ['AI 3.2'],
  monitoring: 'Weekly observation',
  successCriteria: 'Two consecutive lessons with low-level disruption handled',
});

function openMidEssex(start = '2025-01-06T09:00:00Z'): EngineHarness {
  const h = new EngineHarness('mid-essex-itt', start, [
    { ...director, email: null, role: 'director' },
    { ...ct, email: null, role: 'courseTutor' },
  ]);
  const refusal = h.open(ct, {
    trainee: {
      name: trainee.name,
      tid: trainee.tid,
      oid: trainee.oid,
      // invitations go by email (ME-46, ME-64: the trainee is invited to the Director meeting)
      email: emailOf(trainee),
      route: 'secondary',
      subject: 'Maths',
      school: 'Chelmsford High',
      placement: 'A',
    },
    participants: [
      participant('courseTutor', ct),
      participant('mentor', mentor),
      participant('professionalMentor', pt),
      participant('leadSubjectTutor', lst),
      participant('director', director),
    ],
  });
  if (refusal !== null) throw new Error(refusal.message);
  return h;
}

function signAll(h: EngineHarness, signers: [typeof ct, string][]) {
  const version = h.mustState().current!.plan.version;
  for (const [who, role] of signers)
    h.ok(who, { type: 'signPlan', planVersion: version, typedFullName: who.name, role });
}

function reviewAll(h: EngineHarness, who: typeof ct, met: boolean) {
  h.ok(who, {
    type: 'recordReview',
    heldOn: '2025-01-01',
    outcomes: h.targetIds().map((targetId) => ({ targetId, met, evidence: 'Observation notes' })),
  });
}

describe('Mid Essex ITT end to end', () => {
  it('ME-13..ME-70: first concern to termination, appeal declined, exit interview, board withdrawal', () => {
    const h = openMidEssex();
    h.ok(pt, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'Behaviour management is weak',
      seriousIncident: false,
    });
    expect(
      h.effects.some((e) => e.kind === 'notify' && e.template === 'course-tutor-contact-needed'),
    ).toBe(true); // ME-05
    h.ok(ct, { type: 'startStage', stageId: 'pre-stage-1', reason: 'PT contacted Mid Essex' });
    expect(h.run(ct, { type: 'startStage', stageId: 'stage-1', reason: 'ISP' })?.code).toBe(
      'GUARD_FAILED',
    ); // ME-14 evidence first
    h.ok(ct, { type: 'completeDuty', dutyId: 'evidence-gathered' });
    h.ok(ct, { type: 'startStage', stageId: 'stage-1', reason: 'ISP needed' });
    for (const t of ['T1', 'T2', 'T3']) h.ok(ct, sharpTarget(t));
    const fourth = h.run(ct, sharpTarget('T4'));
    expect(fourth?.code).toBe('TARGET_LIMIT_REACHED'); // ME-19
    expect(fourth?.message).toContain('ME-19');
    signAll(h, [
      [trainee, 'trainee'],
      [mentor, 'mentor'],
      [pt, 'professionalMentor'],
      [ct, 'courseTutor'],
      [lst, 'leadSubjectTutor'],
    ]);
    expect(h.events.filter((e) => e.type === 'PlanFullySigned')).toHaveLength(1);
    h.advanceDays(14);
    reviewAll(h, mentor, false);
    h.ok(ct, { type: 'startStage', stageId: 'stage-2', reason: 'Targets not met' });
    for (const t of ['T1', 'T2']) h.ok(ct, sharpTarget(t));
    h.advanceDays(14);
    reviewAll(h, ct, false);
    h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Not met at both stages' });
    expect(h.mustState().current?.entryId).toBe('isp-unsuccessful');
    h.ok(ct, sharpTarget('CfC 1'));
    h.ok(ct, {
      type: 'recordObservation',
      observationDefinitionId: 'joint-observation',
      date: '2025-02-03',
      observers: [h.participantId(mentor), h.participantId(ct)],
      notes: 'Joint',
    });
    meCompleteStage3(h); // ME-46, ME-57: the formal meeting held and the plan signed
    h.advanceDays(10);
    h.ok(ct, { type: 'startStage', stageId: 'stage-4', reason: 'Final review due' });
    expect(h.targetIds()).toHaveLength(1); // carried from Stage 3
    reviewAll(h, ct, false);
    const noAgreement = h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'insufficient',
      basis: 'unlikely-to-progress',
      agreedBy: [h.participantId(ct)],
      notes: 'x',
    });
    expect(noAgreement?.rules).toContain('ME-62');
    h.ok(ct, {
      type: 'recordFinalOutcome',
      progress: 'insufficient',
      basis: 'unlikely-to-progress',
      agreedBy: [h.participantId(mentor), h.participantId(lst), h.participantId(ct)],
      notes: 'Agreed',
    });
    expect(h.run(ct, { type: 'closeCase', closureId: 'cfc-ended', notes: 'x' })?.code).toBe(
      'GUARD_FAILED',
    ); // ME-61 not ME-62
    h.ok(director, { type: 'startStage', stageId: 'stage-5', reason: 'Fails the programme' });
    holdMeeting(h, director, 'director-meeting', ['director', 'trainee']); // ME-64
    for (const d of [
      'programme-terminated',
      'director-meeting-record',
      'right-of-appeal-informed',
      'formal-letter',
    ])
      h.ok(director, { type: 'completeDuty', dutyId: d });
    expect(h.run(director, { type: 'completeDuty', dutyId: 'exit-interview' })?.code).toBe(
      'DUTY_NOT_APPLICABLE',
    ); // ME-66
    h.ok(trainee, { type: 'recordAppealDecision', decision: 'declined' });
    h.ok(director, { type: 'completeDuty', dutyId: 'exit-interview' });
    expect(
      h.run(director, { type: 'startStage', stageId: 'stage-6', reason: 'Board' })?.message,
    ).toContain('report'); // ME-68 outstanding
    h.ok(director, { type: 'completeDuty', dutyId: 'school-report' });
    h.ok(director, { type: 'startStage', stageId: 'stage-6', reason: 'Board' });
    h.ok(director, {
      type: 'closeCase',
      closureId: 'withdrawn',
      notes: 'Confirmed by the recommending board',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'withdrawn' });
    expect(h.run(director, { type: 'addComment', text: 'late' })?.code).toBe('CASE_CLOSED');
    expect(h.available(director)).toEqual([]);
    expect(h.run(outsider, { type: 'addComment', text: 'hi' })?.code).toBe('NOT_A_PARTICIPANT');
  });
});
