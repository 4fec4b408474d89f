import {
  ME,
  essexTerms2024to25,
  eventsOf,
  idsOf,
  meToStage1,
  meToStage2,
  notifications,
  openMidEssex,
  reviewAll,
  sharpTarget,
  signAll,
  today,
  viewAs,
  meCompleteStage3,
} from '../../../support/engine-fixtures';
import { EngineHarness, participant } from '../../../support/engine-harness';

const ct = ME.courseTutor;
const director = ME.director;
const trainee = ME.trainee;

function toStage1(h: EngineHarness) {
  h.ok(ME.professionalTutor, {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is weak',
  });
  h.ok(ct, { type: 'startStage', stageId: 'pre-stage-1', reason: 'PT contacted Mid Essex ITT' });
  h.ok(ct, { type: 'completeDuty', dutyId: 'evidence-gathered' });
  h.ok(ct, { type: 'startStage', stageId: 'stage-1', reason: 'ISP needed' });
}

function toStage3BySeriousIncident(h: EngineHarness) {
  h.ok(ct, {
    type: 'raiseConcern',
    category: 'professional-conduct',
    description: 'Serious breach',
    seriousIncident: true,
  });
  h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Serious incident' });
}

describe('Mid Essex ITT: opening, concerns and confidentiality', () => {
  it('ME-01, ME-07: a case is opened by provider staff and pinned to the 2024-2025 procedure', () => {
    const h = openMidEssex();
    expect(h.mustState().procedureVersion).toBe('2024-2025');
    const byMentor = new EngineHarness('mid-essex-itt', '2025-01-06T09:00:00Z');
    const refusal = byMentor.open(ME.mentor, {
      trainee: { name: 'T', route: 'secondary', subject: 'Maths', school: 'S', placement: 'A' },
      participants: [participant('mentor', ME.mentor)],
    });
    expect(refusal).toMatchObject({ code: 'ROLE_NOT_ALLOWED', rules: ['ME-07'] });
  });

  it('ME-03, ME-04, ME-13: concerns are raised by the Course Tutor or Professional Tutor (not by the trainee)', () => {
    const h = openMidEssex();
    h.ok(ct, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'Raised on a scheduled visit',
    });
    h.ok(ME.professionalTutor, {
      type: 'raiseConcern',
      category: 'engagement',
      description: 'Raised by the PT',
    });
    expect(
      h.run(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    expect(h.mustState().concerns.map((c) => c.raisedByRole)).toEqual([
      'courseTutor',
      'professionalMentor',
    ]);
  });

  it('ME-05, ME-13: a concern raised by the mentor between visits notifies the Course Tutor at once', () => {
    const h = openMidEssex();
    h.ok(ct, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'Raised by the CT herself',
    });
    expect(notifications(h, 'course-tutor-contact-needed')).toHaveLength(0);
    h.ok(ME.mentor, {
      type: 'raiseConcern',
      category: 'absence',
      description: 'Absent three days this week',
    });
    const sent = notifications(h, 'course-tutor-contact-needed');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipients: [h.participantId(ct)], rules: ['ME-05', 'ME-13'] });
  });

  it('ME-08, ME-24: the nine example triggers and "not yet on trajectory" are categories; ME-24 starts Stage 1 directly', () => {
    const h = openMidEssex();
    const categories = h.definition.concern.categories.map((c) => c.id);
    expect(categories).toHaveLength(11);
    expect(h.run(ct, { type: 'raiseConcern', category: 'gossip', description: 'x' })?.code).toBe(
      'UNKNOWN_CATEGORY',
    );
    h.ok(ct, {
      type: 'raiseConcern',
      category: 'not-yet-on-trajectory',
      description: 'Not yet on trajectory at the end of Secure Foundations',
    });
    h.ok(ct, {
      type: 'startStage',
      stageId: 'stage-1',
      entryId: 'not-yet-on-trajectory',
      reason: 'ME-24: an ISP first',
    });
    expect(h.mustState().current).toMatchObject({
      stageId: 'stage-1',
      entryId: 'not-yet-on-trajectory',
    });
  });

  it('ME-23: a medical concern is special category: hidden from the mentor, visible to the Course Tutor and trainee, never in notifications', () => {
    const h = openMidEssex();
    const description = 'Diagnosed with long covid; fatigue in afternoons';
    h.ok(ME.mentor, {
      type: 'raiseConcern',
      category: 'medical-circumstances',
      description,
      evidence: 'GP letter',
    });
    const forMentor = viewAs(h, ME.mentor).concerns[0]!;
    expect(forMentor).toMatchObject({
      redacted: true,
      category: 'restricted',
      description: null,
      evidence: null,
      specialCategory: true,
    });
    expect(viewAs(h, ct).concerns[0]).toMatchObject({
      redacted: false,
      category: 'medical-circumstances',
      description,
    });
    expect(viewAs(h, trainee).concerns[0]?.redacted).toBe(false);
    expect(viewAs(h, ME.professionalTutor).concerns[0]?.redacted).toBe(true);
    expect(JSON.stringify(h.effects)).not.toContain('covid');
    expect(JSON.stringify(h.effects)).not.toContain('medical');
  });

  it('ME-23, ME-79: confidential: outsiders are refused, staff-only notes are hidden from the trainee', () => {
    const h = openMidEssex();
    expect(h.run(ME.outsider, { type: 'addComment', text: 'hello' })?.code).toBe(
      'NOT_A_PARTICIPANT',
    );
    expect(h.available(ME.outsider)).toEqual([]);
    h.ok(ct, { type: 'addComment', text: 'Staff note on wellbeing', visibility: 'staff' });
    h.ok(trainee, { type: 'addComment', text: 'My statement' });
    expect(h.run(trainee, { type: 'addComment', text: 'x', visibility: 'staff' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect(viewAs(h, trainee).comments.map((c) => c.text)).toEqual(['My statement']);
    expect(viewAs(h, ME.mentor).comments).toHaveLength(2);
  });

  it('ME-02: no further action closes a case before any stage', () => {
    const h = openMidEssex();
    h.ok(ME.professionalTutor, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    expect(
      h.run(ME.mentor, { type: 'closeCase', closureId: 'no-further-action', notes: 'x' })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    h.ok(ct, { type: 'closeCase', closureId: 'no-further-action', notes: 'Resolved informally' });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'no-further-action' });
  });
});

describe('Mid Essex ITT: Pre-Stage 1 and Stage 1 plan', () => {
  it('ME-14, ME-15: Pre-Stage 1 has no targets or signatures; Stage 1 waits for the evidence', () => {
    const h = openMidEssex();
    h.ok(ME.professionalTutor, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(ct, { type: 'startStage', stageId: 'pre-stage-1', reason: 'PT contacted Mid Essex ITT' });
    expect(h.run(ct, sharpTarget('x'))?.code).toBe('WRONG_STAGE');
    expect(h.run(ct, { type: 'signPlan', planVersion: 1, typedFullName: ct.name })?.code).toBe(
      'SIGNATURES_NOT_REQUIRED',
    );
    expect(h.run(ct, { type: 'startStage', stageId: 'stage-1', reason: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-14'],
    });
    expect(h.run(ME.mentor, { type: 'completeDuty', dutyId: 'evidence-gathered' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(ct, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'pre-stage-1-discussion',
      start: '2025-01-08T15:00:00Z',
      durationMinutes: 30,
      online: false,
      attendees: idsOf(h, ['courseTutor', 'mentor', 'professionalMentor']),
    });
    h.ok(ct, {
      type: 'closeCase',
      closureId: 'no-isp-needed',
      notes: 'Resolved after the discussion',
    });
  });

  it('ME-06, ME-26: a SHARP target needs specific actions, linked indicators, monitoring and success criteria', () => {
    const h = openMidEssex();
    toStage1(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ actions: [] }, 'specific actions'],
      [{ indicators: [] }, 'linked assessment indicators'],
      [{ monitoring: '' }, 'monitoring'],
      [{ successCriteria: '' }, 'success criteria'],
    ];
    for (const [override, field] of cases) {
      const refusal = h.run(ct, sharpTarget('Incomplete', override));
      expect(refusal?.code).toBe('TARGET_FIELDS_REQUIRED');
      expect(refusal?.message).toContain(field);
      expect(refusal?.rules).toEqual(expect.arrayContaining(['ME-06', 'ME-26']));
    }
    h.ok(ct, sharpTarget('Complete'));
    const target = h.mustState().current!.plan.targets[0]!;
    h.ok(ME.mentor, { ...sharpTarget('Updated'), type: 'updateTarget', targetId: target.targetId });
    expect(
      h.run(ME.mentor, {
        ...sharpTarget('Updated'),
        type: 'updateTarget',
        targetId: target.targetId,
        indicators: [],
      })?.code,
    ).toBe('TARGET_FIELDS_REQUIRED');
    expect(h.run(trainee, sharpTarget('By trainee'))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('ME-19, ME-26: at most three targets per plan', () => {
    const h = openMidEssex();
    toStage1(h);
    for (const t of ['T1', 'T2', 'T3']) h.ok(ct, sharpTarget(t));
    const fourth = h.run(ct, sharpTarget('T4'));
    expect(fourth?.code).toBe('TARGET_LIMIT_REACHED');
    expect(fourth?.rules).toEqual(expect.arrayContaining(['ME-19']));
    expect(viewAs(h, ct).stage?.plan.maxTargets).toBe(3);
    expect(h.available(ct).some((a) => a.type === 'addTarget')).toBe(false);
  });

  it('X-06, ME-31, ME-55: Stage 1 actions are uncapped by default; Stage 2 and Stage 3 are capped at 3', () => {
    const h = openMidEssex();
    toStage1(h);
    const six = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    h.ok(ct, sharpTarget('Stage 1 target with six actions', { actions: six }));
    reviewAll(h, ME.mentor, false);
    h.ok(ct, { type: 'startStage', stageId: 'stage-2', reason: 'Not met' });
    const four = h.run(ct, sharpTarget('Stage 2', { actions: six.slice(0, 4) }));
    expect(four?.code).toBe('ACTION_LIMIT_REACHED');
    expect(four?.rules).toEqual(expect.arrayContaining(['ME-31']));
    h.ok(ct, sharpTarget('Stage 2', { actions: six.slice(0, 3) }));
    reviewAll(h, ct, false);
    h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Not met at both' });
    expect(h.run(ct, sharpTarget('CfC', { actions: six.slice(0, 4) }))).toMatchObject({
      code: 'ACTION_LIMIT_REACHED',
    });
    expect(h.run(ct, sharpTarget('CfC', { actions: six.slice(0, 4) }))?.rules).toEqual(
      expect.arrayContaining(['ME-55']),
    );
  });

  it('X-06: a provider may cap Stage 1 actions with stage1MaxActions', () => {
    const h = openMidEssex({ settings: { stage1MaxActions: 3 } });
    toStage1(h);
    expect(h.run(ct, sharpTarget('x', { actions: ['a', 'b', 'c', 'd'] }))?.code).toBe(
      'ACTION_LIMIT_REACHED',
    );
    h.ok(ct, sharpTarget('x', { actions: ['a', 'b', 'c'] }));
  });

  it('X-03: who starts Stages 1 and 2 is the ispStartedBy setting (default Course Tutor or Programme Leader)', () => {
    const h = openMidEssex();
    h.ok(ct, { type: 'raiseConcern', category: 'not-yet-on-trajectory', description: 'x' });
    expect(h.run(ME.mentor, { type: 'startStage', stageId: 'stage-1', reason: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(ME.programmeLeader, {
      type: 'startStage',
      stageId: 'stage-1',
      reason: 'Programme Leader starts the ISP',
    });
    const custom = openMidEssex({ settings: { ispStartedBy: ['mentor'] } });
    custom.ok(ct, { type: 'raiseConcern', category: 'not-yet-on-trajectory', description: 'x' });
    expect(custom.run(ct, { type: 'startStage', stageId: 'stage-1', reason: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    custom.ok(ME.mentor, {
      type: 'startStage',
      stageId: 'stage-1',
      reason: 'Mentor starts the ISP',
    });
  });

  it('ME-25, ME-29, X-04: the Stage 1 meeting has mentor, PT and trainee; the review may be recorded by the Course Tutor', () => {
    const h = openMidEssex();
    toStage1(h);
    h.ok(ct, sharpTarget('T1'));
    expect(
      h.run(ct, {
        type: 'scheduleMeeting',
        meetingDefinitionId: 'stage-1-meeting',
        start: '2025-01-07T15:00:00Z',
        durationMinutes: 45,
        online: true,
        attendees: idsOf(h, ['mentor', 'professionalMentor']),
      })?.code,
    ).toBe('MEETING_PARTICIPANTS_MISSING');
    h.ok(ct, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'stage-1-meeting',
      start: '2025-01-07T15:00:00Z',
      durationMinutes: 45,
      online: true,
      attendees: idsOf(h, ['mentor', 'professionalMentor', 'trainee']),
    });
    expect(
      h.run(trainee, {
        type: 'recordReview',
        heldOn: today(h),
        outcomes: [{ targetId: h.targetIds()[0], met: true, evidence: 'x' }],
      })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    h.ok(ct, {
      type: 'recordReview',
      heldOn: today(h),
      outcomes: [{ targetId: h.targetIds()[0], met: true, evidence: 'Seen' }],
      notes: 'Notes from review meeting and outcome',
    });
    expect(h.mustState().current?.reviews[0]?.notes).toBe('Notes from review meeting and outcome');
  });
});

describe('Mid Essex ITT: review windows on the provider calendar (ME-27, ME-32, X-01, X-02)', () => {
  it('ME-16, ME-27, X-01: the Stage 1 review is 5-10 school days after the start, skipping the Easter holidays', () => {
    const h = openMidEssex({ start: '2025-04-01T09:00:00Z', calendar: essexTerms2024to25 });
    toStage1(h);
    h.ok(ct, sharpTarget('T1'));
    const window = viewAs(h, ct).stage!.reviewWindow!;
    expect(window).toMatchObject({ earliest: '2025-04-23', latest: '2025-04-30', unit: 'school' });
    expect(window.settings).toContain('ispDayUnit'); // X-01 shown where it applies
    expect(window.rules).toEqual(expect.arrayContaining(['ME-27', 'X-01']));
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-04-14' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    ); // Easter holidays, too early
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-04-22' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    ); // 4 school days
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-05-01' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    ); // 11 school days
    expect(h.run(trainee, { type: 'setReviewDate', reviewDate: '2025-04-23' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(ct, { type: 'setReviewDate', reviewDate: '2025-04-23' });
    h.ok(ME.mentor, { type: 'setReviewDate', reviewDate: '2025-04-30' });
    expect(h.mustState().current?.plan.reviewDate).toBe('2025-04-30');
  });

  it('X-01: counted in working days instead, the same Stage 1 window is 8-15 April', () => {
    const h = openMidEssex({
      start: '2025-04-01T09:00:00Z',
      calendar: essexTerms2024to25,
      settings: { ispDayUnit: 'working' },
    });
    toStage1(h);
    expect(viewAs(h, ct).stage?.reviewWindow).toMatchObject({
      earliest: '2025-04-08',
      latest: '2025-04-15',
      unit: 'working',
    });
    h.ok(ct, { type: 'setReviewDate', reviewDate: '2025-04-14' });
  });

  it('ME-27, X-01: a review date on a bank holiday inside the window is refused (Good Friday, Easter Monday)', () => {
    const h = openMidEssex({
      start: '2025-04-10T09:00:00Z',
      calendar: essexTerms2024to25,
      settings: { ispDayUnit: 'working' },
    });
    toStage1(h);
    expect(viewAs(h, ct).stage?.reviewWindow).toMatchObject({
      earliest: '2025-04-17',
      latest: '2025-04-28',
    });
    for (const date of ['2025-04-18', '2025-04-21']) {
      const refusal = h.run(ct, { type: 'setReviewDate', reviewDate: date });
      expect(refusal?.code).toBe('REVIEW_DATE_OUTSIDE_WINDOW');
      expect(refusal?.message).toMatch(/Bank holiday/);
    }
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-04-19' })?.message).toContain(
      'Saturday',
    );
    h.ok(ct, { type: 'setReviewDate', reviewDate: '2025-04-22' });
  });

  it('ME-32: the Stage 2 review is also 5-10 school days; the Early May bank holiday is refused', () => {
    // X-08 off, so Stage 2 can start on Thursday 24 April before Stage 1's five school days have run
    const h = openMidEssex({
      start: '2025-04-16T09:00:00Z',
      calendar: essexTerms2024to25,
      settings: { enforceTimescale: false },
    });
    meToStage1(h);
    meToStage2(h);
    const window = viewAs(h, ct).stage!.reviewWindow!;
    expect(window).toMatchObject({ earliest: '2025-05-01', latest: '2025-05-09', unit: 'school' });
    expect(window.rules).toContain('ME-32');
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-05-05' })?.message).toMatch(
      /Bank holiday/,
    );
    h.ok(ct, { type: 'setReviewDate', reviewDate: '2025-05-06' });
  });

  it('ME-12, X-09: the two-week review point is shown as indicative only', () => {
    const h = openMidEssex({ start: '2025-04-01T09:00:00Z', calendar: essexTerms2024to25 });
    toStage1(h);
    const window = viewAs(h, ct).stage!.reviewWindow!;
    expect(window.indicative).toBe('2025-04-30');
    expect(window.settings).toContain('indicativeReviewDays');
    const shorter = openMidEssex({
      start: '2025-04-01T09:00:00Z',
      calendar: essexTerms2024to25,
      settings: { indicativeReviewDays: 7 },
    });
    toStage1(shorter);
    expect(viewAs(shorter, ct).stage?.reviewWindow?.indicative).toBe('2025-04-25');
  });

  it('X-02, ME-37, ME-48, ME-54, ME-56: the Cause for Concern period is 10 working days by default', () => {
    const h = openMidEssex({ start: '2025-04-01T09:00:00Z', calendar: essexTerms2024to25 });
    toStage3BySeriousIncident(h);
    const window = viewAs(h, ct).stage!.reviewWindow!;
    expect(window).toMatchObject({ earliest: null, latest: '2025-04-15', unit: 'working' });
    expect(window.settings).toContain('cfcDayUnit');
    expect(window.rules).toEqual(expect.arrayContaining(['ME-37', 'ME-48', 'ME-56', 'X-02']));
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-04-16' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    );
    h.ok(director, { type: 'setReviewDate', reviewDate: '2025-04-15' });

    const school = openMidEssex({
      start: '2025-04-01T09:00:00Z',
      calendar: essexTerms2024to25,
      settings: { cfcDayUnit: 'school' },
    });
    toStage3BySeriousIncident(school);
    expect(viewAs(school, ct).stage?.reviewWindow).toMatchObject({
      latest: '2025-04-30',
      unit: 'school',
    });
  });

  it('ME-58, ME-59: the final review falls within 10 working days of the start of the Cause for Concern', () => {
    const h = openMidEssex({ start: '2025-04-01T09:00:00Z', calendar: essexTerms2024to25 });
    toStage3BySeriousIncident(h);
    h.ok(ct, sharpTarget('CfC'));
    h.ok(ct, { type: 'setReviewDate', reviewDate: '2025-04-14' });
    meCompleteStage3(h);
    h.advanceDays(7);
    h.ok(ct, { type: 'startStage', stageId: 'stage-4', reason: 'Final review' });
    const stage = viewAs(h, ct).stage!;
    expect(stage.reviewWindow).toMatchObject({ latest: '2025-04-15', unit: 'working' });
    expect(stage.plan.reviewDate).toBe('2025-04-14'); // carried
    expect(h.run(ct, { type: 'setReviewDate', reviewDate: '2025-04-16' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    );
  });
});

describe('Mid Essex ITT: signatures (ME-28, ME-33, ME-57, ME-80, X-05)', () => {
  const fiveSigners = [
    [trainee, 'trainee'],
    [ME.mentor, 'mentor'],
    [ME.professionalTutor, 'professionalMentor'],
    [ct, 'courseTutor'],
    [ME.leadSubjectTutor, 'leadSubjectTutor'],
  ] as const;

  it('ME-28: Stage 1 is signed once per role by Trainee, Mentor, Professional Tutor, Course Tutor and Lead Subject Tutor', () => {
    const h = openMidEssex({ extra: [['mentor', ME.secondMentor]] });
    toStage1(h);
    expect(h.run(ct, { type: 'signPlan', planVersion: 1, typedFullName: ct.name })?.code).toBe(
      'PLAN_EMPTY',
    );
    h.ok(ct, sharpTarget('T1'));
    const slots = viewAs(h, ct).stage!.signers;
    expect(slots.map((s) => s.role)).toEqual([
      'trainee',
      'mentor',
      'professionalMentor',
      'courseTutor',
      'leadSubjectTutor',
    ]);
    expect(slots.find((s) => s.role === 'mentor')?.name).toBe('Mo Mentor / Max Mentor');
    expect(
      h.run(director, { type: 'signPlan', planVersion: 2, typedFullName: director.name })?.code,
    ).toBe('NOT_A_SIGNER');
    signAll(h, fiveSigners.slice(0, 4));
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(0);
    signAll(h, fiveSigners.slice(4));
    expect(eventsOf(h, 'PlanFullySigned')).toEqual([expect.objectContaining({ planVersion: 2 })]);
    expect(notifications(h, 'plan-fully-signed')).toHaveLength(1);
    h.ok(ME.secondMentor, {
      type: 'signPlan',
      planVersion: 2,
      typedFullName: ME.secondMentor.name,
    }); // the mentor role is already signed: no-op
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(1);
    expect(eventsOf(h, 'PlanSigned')).toHaveLength(5);
  });

  it('ME-28, ME-80: a signed plan is immutable: a change voids the signatures and the old version cannot be signed', () => {
    const h = openMidEssex();
    toStage1(h);
    h.ok(ct, sharpTarget('T1'));
    signAll(h, fiveSigners.slice(0, 2));
    h.ok(ct, sharpTarget('T2'));
    expect(eventsOf(h, 'SignaturesVoided')).toEqual([
      expect.objectContaining({ planVersion: 2, count: 2 }),
    ]);
    expect(h.mustState().current?.signatures).toEqual([]);
    expect(
      h.run(trainee, { type: 'signPlan', planVersion: 2, typedFullName: trainee.name })?.code,
    ).toBe('PLAN_VERSION_MISMATCH');
    signAll(h, fiveSigners);
    expect(eventsOf(h, 'PlanFullySigned')).toEqual([expect.objectContaining({ planVersion: 3 })]);
  });

  it('ME-33: Stage 2 is signed by the same five roles', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    const roles = viewAs(h, ct).stage!.signers.map((s) => s.role);
    expect(roles).toEqual([
      'trainee',
      'mentor',
      'professionalMentor',
      'courseTutor',
      'leadSubjectTutor',
    ]);
    expect(viewAs(h, ct).stage?.fullySigned).toBe(true);
  });

  it('ME-57, X-05: the Lead Subject Tutor is not a Stage 3 signer by default; the Director is', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    h.ok(ct, sharpTarget('CfC'));
    const version = h.mustState().current!.plan.version;
    expect(
      h.run(ME.leadSubjectTutor, {
        type: 'signPlan',
        planVersion: version,
        typedFullName: ME.leadSubjectTutor.name,
      })?.code,
    ).toBe('NOT_A_SIGNER');
    signAll(h, [
      [trainee, 'trainee'],
      [ME.mentor, 'mentor'],
      [ME.professionalTutor, 'professionalMentor'],
      [ct, 'courseTutor'],
      [director, 'director'],
    ]);
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(1);
  });

  it('X-05: when cfcSigners includes the Lead Subject Tutor, they sign Stage 3 and are needed', () => {
    const h = openMidEssex({
      settings: {
        cfcSigners: [
          'trainee',
          'mentor',
          'professionalMentor',
          'courseTutor',
          'director',
          'leadSubjectTutor',
        ],
      },
    });
    toStage3BySeriousIncident(h);
    h.ok(ct, sharpTarget('CfC'));
    signAll(h, [
      [trainee, 'trainee'],
      [ME.mentor, 'mentor'],
      [ME.professionalTutor, 'professionalMentor'],
      [ct, 'courseTutor'],
      [director, 'director'],
    ]);
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(0);
    signAll(h, [[ME.leadSubjectTutor, 'leadSubjectTutor']]);
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(1);
  });

  it('ME-80: the typed name must match the signer (case and spacing aside)', () => {
    const h = openMidEssex();
    toStage1(h);
    h.ok(ct, sharpTarget('T1'));
    const version = h.mustState().current!.plan.version;
    const wrong = h.run(trainee, {
      type: 'signPlan',
      planVersion: version,
      typedFullName: 'Carol Tutor',
    });
    expect(wrong?.code).toBe('SIGNATURE_NAME_MISMATCH');
    expect(wrong?.rules).toContain('ME-80');
    expect(eventsOf(h, 'PlanSigned')).toHaveLength(0);
    h.ok(trainee, { type: 'signPlan', planVersion: version, typedFullName: '  tara   TRAINEE ' });
    expect(h.mustState().current?.signatures[0]).toMatchObject({
      role: 'trainee',
      planVersion: version,
      typedFullName: 'tara   TRAINEE',
    });
  });

  it('ME-28: adding a signer after the plan is fully signed does not sign the same version fully twice', () => {
    // ENGINE BUG: sign-plan.ts emits a second PlanFullySigned for the same plan version when a signer
    // role gains a holder after the plan was fully signed and that person then signs.
    const h = openMidEssex({ without: ['leadSubjectTutor'] });
    toStage1(h);
    h.ok(ct, sharpTarget('T1'));
    signAll(h, fiveSigners.slice(0, 4));
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(1);
    h.ok(ct, {
      type: 'addParticipant',
      participant: participant('leadSubjectTutor', ME.leadSubjectTutor),
    });
    const version = h.mustState().current!.plan.version;
    h.run(ME.leadSubjectTutor, {
      type: 'signPlan',
      planVersion: version,
      typedFullName: ME.leadSubjectTutor.name,
    });
    expect(
      eventsOf(h, 'PlanFullySigned').filter(
        (e) => e.type === 'PlanFullySigned' && e.planVersion === version,
      ),
    ).toHaveLength(1);
  });
});

describe('Mid Essex ITT: Cause for Concern duties, observation and meeting (ME-35..ME-49)', () => {
  it('ME-35, ME-41, ME-42, ME-43, ME-45, ME-47: CfC duties; informing programme leadership notifies the leadership', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    expect(viewAs(h, ct).stage?.formal).toBe(true);
    const before = h.effects.length;
    h.ok(ct, { type: 'completeDuty', dutyId: 'programme-leadership-informed' });
    const sent = h.effects
      .slice(before)
      .find((e) => e.kind === 'notify' && e.template === 'duty-completed');
    // The case names no programme lead: the provider-wide one in the staff directory is told.
    expect(sent).toMatchObject({
      recipients: [h.participantId(director), `staff:${ME.programmeLeader.oid}`],
      rules: ['ME-43'],
    });
    for (const dutyId of [
      'record-sent-to-headteacher',
      'evidence-moderated',
      'explicit-actions-agreed',
    ])
      h.ok(ct, { type: 'completeDuty', dutyId });
    expect(viewAs(h, ct).stage?.duties.every((d) => d.done)).toBe(true);
    expect(h.run(ME.mentor, { type: 'completeDuty', dutyId: 'evidence-moderated' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });

  it('ME-38, ME-39, ME-40: CfC SHARP targets link to the Assessment Indicators and are shared by those involved, not set by the trainee', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    expect(h.run(ct, sharpTarget('No indicators', { indicators: [] }))?.rules).toEqual(
      expect.arrayContaining(['ME-38', 'ME-40']),
    );
    h.ok(ct, sharpTarget('By the Course Tutor'));
    h.ok(ME.mentor, sharpTarget('By the mentor'));
    h.ok(ME.leadSubjectTutor, sharpTarget('By the Lead Subject Tutor'));
    const byTrainee = h.run(trainee, { type: 'removeTarget', targetId: h.targetIds()[0] });
    expect(byTrainee?.code).toBe('ROLE_NOT_ALLOWED');
    expect(byTrainee?.rules).toContain('ME-39');
    expect(viewAs(h, trainee).stage?.plan.targets.map((t) => t.indicators)).toEqual([
      ['AI 3.2'],
      ['AI 3.2'],
      ['AI 3.2'],
    ]);
  });

  it('ME-35, ME-50, ME-52: the Cause for Concern carries its informational rules to the view', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    const stage = viewAs(h, ct).stage!;
    expect(stage.rules).toEqual(expect.arrayContaining(['ME-35', 'ME-50', 'ME-52']));
    expect(stage.summary).toContain('developmental');
  });

  it('ME-07, ME-18: the trainee is at the centre: told of every stage event and able to add a statement', () => {
    const h = openMidEssex();
    meToStage1(h);
    const started = notifications(h, 'stage-started').at(-1)!;
    expect(started.recipients).toContain(h.participantId(trainee));
    expect(started.rules).toEqual(['ME-07', 'ME-18']);
    h.ok(trainee, { type: 'addComment', text: 'I will take responsibility for these targets' });
    expect(viewAs(h, ME.mentor).comments.map((c) => c.text)).toContain(
      'I will take responsibility for these targets',
    );
  });

  it('ME-30: the Stage 2 meeting has the mentor, Professional Tutor and Course Tutor, with the trainee present', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    const meeting = (roles: string[]) => ({
      type: 'scheduleMeeting',
      meetingDefinitionId: 'stage-2-meeting',
      start: '2025-01-23T15:00:00Z',
      durationMinutes: 45,
      online: true,
      attendees: idsOf(h, roles as never[]),
    });
    expect(h.run(ct, meeting(['mentor', 'professionalMentor', 'trainee']))).toMatchObject({
      code: 'MEETING_PARTICIPANTS_MISSING',
      rules: ['ME-30'],
    });
    h.ok(ct, meeting(['mentor', 'professionalMentor', 'courseTutor', 'trainee']));
  });

  it('ME-44, ME-49: the initial joint observation is the mentor with the Course Tutor or the Lead Subject Tutor', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    const observe = (observers: string[]) => ({
      type: 'recordObservation',
      observationDefinitionId: 'joint-observation',
      date: today(h),
      observers,
      notes: 'Joint',
    });
    const alone = h.run(ct, observe([h.participantId(ME.mentor)]));
    expect(alone).toMatchObject({ code: 'OBSERVER_NOT_ALLOWED', rules: ['ME-44'] });
    expect(
      h.run(ct, observe([h.participantId(ct), h.participantId(ME.professionalTutor)]))?.code,
    ).toBe('OBSERVER_NOT_ALLOWED');
    h.ok(ct, observe([h.participantId(ME.mentor), h.participantId(ME.leadSubjectTutor)]));
    h.ok(ct, observe([h.participantId(ME.mentor), h.participantId(ct)]));
    expect(
      h.run(ct, {
        ...observe([h.participantId(ct)]),
        observationDefinitionId: null,
        date: '2099-01-01',
      })?.code,
    ).toBe('VALIDATION_FAILED');
  });

  it('ME-46, ME-54: the CfC meeting needs the Course Tutor, mentor, trainee, Professional Tutor and Director', () => {
    const h = openMidEssex();
    toStage3BySeriousIncident(h);
    const meeting = (attendees: string[]) => ({
      type: 'scheduleMeeting',
      meetingDefinitionId: 'cfc-meeting',
      start: '2025-01-08T15:00:00Z',
      durationMinutes: 60,
      online: false,
      attendees,
    });
    const refusal = h.run(ct, meeting(idsOf(h, ['courseTutor', 'mentor', 'trainee'])));
    expect(refusal?.code).toBe('MEETING_PARTICIPANTS_MISSING');
    expect(refusal?.message).toContain('Professional Tutor');
    h.ok(
      ct,
      meeting(idsOf(h, ['courseTutor', 'mentor', 'trainee', 'professionalMentor', 'director'])),
    );
    const meetingId = h.mustState().current!.meetings[0]!.meetingId;
    expect(h.run(trainee, { type: 'recordMeetingHeld', meetingId, notes: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(ME.mentor, { type: 'recordMeetingHeld', meetingId, notes: 'SHARP targets agreed' }); // a staff attendee
    expect(h.run(ct, { type: 'cancelMeeting', meetingId, reason: 'x' })?.code).toBe(
      'MEETING_STATE',
    );
  });

  it('X-10: refusals name roles as the provider labels them, never by an internal role key', () => {
    const h = openMidEssex();
    h.ok(ct, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'x',
      seriousIncident: true,
    });
    const messages = [
      h.run(ME.mentor, { type: 'startStage', stageId: 'stage-3', reason: 'x' })?.message,
      h.run(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' })?.message,
    ];
    for (const message of messages)
      expect(message).not.toMatch(
        /\b(courseTutor|leadSubjectTutor|professionalMentor|programmeLead)\b/,
      );
  });
});
