import {
  BF,
  bfToStage1Review,
  bfToStage2,
  bfToStage3Review,
  effectsOf,
  eventsOf,
  idsOf,
  notifications,
  openBrightFutures,
  reviewAll,
  signAll,
  smartTarget,
  today,
  viewAs,
} from '../../../support/engine-fixtures';
import type { Effect } from '@shared/domain/effects';
import type { EngineHarness } from '../../../support/engine-harness';

const lead = BF.lead;
const mentor = BF.mentor;
const pm = BF.professionalMentor;
const trainee = BF.trainee;
const director = BF.director;

const recipientsOf = (effects: readonly Effect[]) =>
  effects.flatMap((e) => (e.kind === 'notify' ? e.recipients : [])).sort();
const completed = (h: EngineHarness) => h.mustState().completedStages.map((s) => s.stageId);
const meeting = (
  h: EngineHarness,
  meetingDefinitionId: string,
  roles: string[],
  online = true,
) => ({
  type: 'scheduleMeeting',
  meetingDefinitionId,
  start: '2025-01-08T16:00:00Z',
  durationMinutes: 45,
  online,
  attendees: idsOf(h, roles as never[]),
});

describe('Bright Futures SCITT: end to end', () => {
  it('BF-01..BF-26: self-referral, Stage 1, Stage 2, Stage 3 not met, Director meeting, withdrawal', () => {
    const h = openBrightFutures();
    h.ok(trainee, {
      type: 'raiseConcern',
      category: 'wellbeing-workload',
      description: 'I cannot keep up with planning',
    });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'Trainee self-referred' });
    h.ok(lead, meeting(h, 'preliminary-meeting', ['programmeLead', 'mentor', 'trainee']));
    h.ok(lead, {
      type: 'recordMeetingHeld',
      meetingId: h.mustState().current!.meetings[0]!.meetingId,
      notes: 'Concerns discussed, SMART targets agreed',
    });
    h.ok(lead, smartTarget('Plan a week ahead'));
    h.ok(lead, { type: 'completeDuty', dutyId: 'action-steps-agreed' });
    h.ok(pm, {
      type: 'recordObservation',
      observationDefinitionId: 'review-observation',
      date: today(h),
      observers: [h.participantId(pm)],
      notes: 'Observed',
    });
    reviewAll(h, pm, false);
    h.ok(pm, { type: 'completeDuty', dutyId: 'fed-back-to-lead' });
    bfToStage2(h);
    for (const dutyId of ['expectation-set', 'next-steps-explained', 'plan-shared'])
      h.ok(lead, { type: 'completeDuty', dutyId });
    bfToStage3Review(h, false);
    h.ok(lead, {
      type: 'startStage',
      stageId: 'director-meeting',
      reason: 'No progress at Stage 3',
    });
    h.ok(director, meeting(h, 'director-meeting', ['director', 'trainee'], false));
    h.ok(director, {
      type: 'recordMeetingHeld',
      meetingId: h.mustState().current!.meetings[0]!.meetingId,
      notes: 'Position discussed',
    });
    h.ok(director, { type: 'closeCase', closureId: 'withdrawn', notes: 'Trainee withdrawn' });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'withdrawn' });
    expect(completed(h)).toEqual(['stage-1', 'stage-2', 'stage-3', 'director-meeting']);
    expect(h.available(lead)).toEqual([]);
  });
});

describe('Bright Futures SCITT: Stage 1 (informal)', () => {
  it('BF-03, BF-04: the trainee may self-refer, as may either mentor; the Lead is contacted', () => {
    const h = openBrightFutures();
    const effects = effectsOf(h, trainee, {
      type: 'raiseConcern',
      category: 'wellbeing-workload',
      description: 'I need support',
    });
    expect(effects).toContainEqual({
      kind: 'notify',
      template: 'concern-raised',
      recipients: [h.participantId(lead)],
      rules: ['BF-04'],
    });
    h.ok(mentor, { type: 'raiseConcern', category: 'teaching', description: 'Lessons lack pace' });
    h.ok(pm, { type: 'raiseConcern', category: 'progress', description: 'Targets drifting' });
    expect(
      h.run(director, { type: 'raiseConcern', category: 'teaching', description: 'x' })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    expect(h.mustState().concerns.map((c) => c.raisedByRole)).toEqual([
      'trainee',
      'mentor',
      'professionalMentor',
    ]);
  });

  it('BF-02, BF-04, X-03: only the Lead starts Stage 1, and only once a concern is raised; Stage 1 is informal', () => {
    const h = openBrightFutures();
    expect(h.run(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['BF-03', 'BF-04'],
    });
    h.ok(mentor, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    expect(h.run(mentor, { type: 'startStage', stageId: 'stage-1', reason: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'Mentor raised a concern' });
    expect(viewAs(h, lead).stage).toMatchObject({ stageId: 'stage-1', formal: false });
    expect(
      h.definition.stages.filter((s) => s.id.startsWith('stage-')).map((s) => s.formal),
    ).toEqual([false, true, null]);
  });

  it('BF-05, BF-06: the preliminary meeting is online, with the Programme Lead, mentor and trainee', () => {
    const h = openBrightFutures();
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    const offline = h.run(
      lead,
      meeting(h, 'preliminary-meeting', ['programmeLead', 'mentor', 'trainee'], false),
    );
    expect(offline?.code).toBe('MEETING_MUST_BE_ONLINE');
    expect(offline?.rules).toContain('BF-05');
    expect(h.run(lead, meeting(h, 'preliminary-meeting', ['programmeLead', 'mentor']))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
    expect(h.run(lead, meeting(h, 'preliminary-meeting', ['programmeLead', 'trainee']))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
    expect(
      h.run(mentor, meeting(h, 'preliminary-meeting', ['programmeLead', 'mentor', 'trainee']))
        ?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    const effects = effectsOf(
      h,
      lead,
      meeting(h, 'preliminary-meeting', ['programmeLead', 'mentor', 'trainee']),
    );
    expect(effects.map((e) => e.kind)).toContain('createMeeting');
    const required = viewAs(h, lead).stage!.requiredMeetings[0]!;
    expect(required).toMatchObject({
      online: true,
      participants: ['programmeLead', 'mentor', 'trainee'],
    });
    expect(h.definition.stages[0]!.meetings[0]!.agenda.join(' ')).toContain('BF-06');
  });

  it('BF-07, BF-30: no target cap by default: six SMART targets with action steps', () => {
    const h = openBrightFutures();
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    expect(h.run(lead, smartTarget('No steps', { actions: [] }))?.message).toContain(
      'action steps',
    );
    for (let i = 1; i <= 6; i++) h.ok(lead, smartTarget(`Target ${i}`)); // SMART: no indicators or monitoring needed
    expect(h.targetIds()).toHaveLength(6);
    expect(viewAs(h, lead).stage?.plan).toMatchObject({ maxTargets: null, targetStyle: 'SMART' });
    expect(h.run(mentor, smartTarget('By mentor'))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('BF-07, BF-30: a cap applies only when the provider sets maxTargets', () => {
    const h = openBrightFutures({ settings: { maxTargets: 2 } });
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    h.ok(lead, smartTarget('T1'));
    h.ok(lead, smartTarget('T2'));
    expect(h.run(lead, smartTarget('T3'))?.code).toBe('TARGET_LIMIT_REACHED');
    expect(viewAs(h, lead).stage?.plan.maxTargets).toBe(2);
  });

  it("BF-08, BF-10: the Stage 1 review needs the Professional Mentor's observation first, then feeds back to the Lead", () => {
    const h = openBrightFutures();
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    h.ok(lead, smartTarget('T1'));
    const outcomes = () =>
      h.targetIds().map((targetId) => ({ targetId, met: false, evidence: 'x' }));
    expect(
      h.run(pm, { type: 'recordReview', heldOn: today(h), outcomes: outcomes() }),
    ).toMatchObject({ code: 'REVIEW_NOT_ALLOWED_YET', rules: ['BF-08', 'BF-10'] });
    const byMentor = h.run(mentor, {
      type: 'recordObservation',
      observationDefinitionId: 'review-observation',
      date: today(h),
      observers: [h.participantId(mentor)],
      notes: 'x',
    });
    expect(byMentor?.code).toBe('OBSERVER_NOT_ALLOWED');
    expect(byMentor?.message).toContain('Professional Mentor');
    h.ok(pm, {
      type: 'recordObservation',
      observationDefinitionId: 'review-observation',
      date: today(h),
      observers: [h.participantId(pm)],
      notes: 'Observed on the agreed date',
    });
    expect(
      h.run(lead, { type: 'recordReview', heldOn: today(h), outcomes: outcomes() })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    h.ok(pm, { type: 'recordReview', heldOn: today(h), outcomes: outcomes() });
    const feedback = effectsOf(h, pm, { type: 'completeDuty', dutyId: 'fed-back-to-lead' });
    expect(feedback).toContainEqual({
      kind: 'notify',
      template: 'duty-completed',
      recipients: [h.participantId(lead)],
      rules: ['BF-10'],
    });
  });

  it('BF-09, BF-30: no signature at Stage 1; the agreement to take action steps is recorded by the Lead', () => {
    const h = openBrightFutures();
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    h.ok(lead, smartTarget('T1'));
    expect(
      h.run(trainee, { type: 'signPlan', planVersion: 2, typedFullName: trainee.name })?.code,
    ).toBe('SIGNATURES_NOT_REQUIRED');
    expect(h.available(trainee).some((a) => a.type === 'signPlan')).toBe(false);
    expect(h.run(mentor, { type: 'completeDuty', dutyId: 'action-steps-agreed' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(lead, {
      type: 'completeDuty',
      dutyId: 'action-steps-agreed',
      notes: 'All partners agreed',
    });
    expect(h.run(lead, { type: 'completeDuty', dutyId: 'action-steps-agreed' })?.code).toBe(
      'DUTY_ALREADY_DONE',
    );
    expect(viewAs(h, lead).stage?.duties.find((d) => d.id === 'action-steps-agreed')).toMatchObject(
      { done: true, rules: ['BF-09'] },
    );
    expect(viewAs(h, lead).stage?.signers).toEqual([]);
  });

  it('BF-10: every Stage 1 target met: concerns resolved', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, true);
    expect(h.run(lead, { type: 'startStage', stageId: 'stage-2', reason: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(lead, { type: 'closeCase', closureId: 'concerns-resolved', notes: 'Resolved at Stage 1' });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'concerns-resolved' });
  });
});

describe('Bright Futures SCITT: Stage 2 (formal)', () => {
  it('BF-11: only the Lead initiates Stage 2', () => {
    const h = openBrightFutures();
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    h.ok(lead, smartTarget('T1'));
    expect(h.run(lead, { type: 'startStage', stageId: 'stage-2', reason: 'Early' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['BF-11'],
    });
    h.ok(pm, {
      type: 'recordObservation',
      observationDefinitionId: 'review-observation',
      date: today(h),
      observers: [h.participantId(pm)],
      notes: 'x',
    });
    reviewAll(h, pm, false);
    for (const who of [mentor, pm, trainee, director]) {
      const refusal = h.run(who, {
        type: 'startStage',
        stageId: 'stage-2',
        reason: 'Concerns ongoing',
      });
      expect(refusal?.code).toBe('ROLE_NOT_ALLOWED');
      expect(refusal?.message).toContain('Programme Lead');
      expect(refusal?.rules).toContain('BF-11');
    }
    expect(h.available(mentor).some((a) => a.type === 'startStage')).toBe(false);
    h.ok(lead, { type: 'startStage', stageId: 'stage-2', reason: 'Concerns ongoing' });
    expect(viewAs(h, lead).stage).toMatchObject({ stageId: 'stage-2', formal: true });
  });

  it('BF-12, BF-14, BF-16, BF-17: a formal plan with support measures and SMART targets', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    h.ok(lead, {
      type: 'startStage',
      stageId: 'stage-2',
      reason: 'Ongoing concerns not addressed at Stage 1',
    });
    h.ok(lead, {
      type: 'setPlanDetails',
      overview: 'Planning and workload',
      supportMeasures: 'Additional training; planning support; adjusted workload',
    });
    h.ok(lead, smartTarget('Weekly planning reviewed'));
    expect(viewAs(h, trainee).stage?.plan).toMatchObject({
      supportMeasures: 'Additional training; planning support; adjusted workload',
      targetStyle: 'SMART',
    });
  });

  it('BF-13: the Stage 2 meeting is online with the Lead, trainee and the class mentor or the Professional Mentor', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    h.ok(lead, { type: 'startStage', stageId: 'stage-2', reason: 'x' });
    const without = h.run(lead, meeting(h, 'stage-2-meeting', ['programmeLead', 'trainee']));
    expect(without).toMatchObject({ code: 'MEETING_PARTICIPANTS_MISSING', rules: ['BF-13'] });
    expect(without?.message).toMatch(/mentor or Professional Mentor/i);
    expect(
      h.run(
        lead,
        meeting(h, 'stage-2-meeting', ['programmeLead', 'trainee', 'professionalMentor'], false),
      )?.code,
    ).toBe('MEETING_MUST_BE_ONLINE');
    h.ok(lead, meeting(h, 'stage-2-meeting', ['programmeLead', 'trainee', 'professionalMentor']));
    h.ok(lead, meeting(h, 'stage-2-meeting', ['programmeLead', 'trainee', 'mentor']));
    expect(h.run(lead, meeting(h, 'stage-2-meeting', ['mentor', 'trainee']))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
  });

  it('BF-20, BF-21: the Stage 2 plan is signed by every partner, each mentor included; exactly one PlanFullySigned', () => {
    const h = openBrightFutures({ extra: [['mentor', BF.secondMentor]] });
    bfToStage1Review(h, false);
    h.ok(lead, { type: 'startStage', stageId: 'stage-2', reason: 'x' });
    h.ok(lead, smartTarget('T1'));
    const slots = viewAs(h, lead).stage!.signers;
    expect(slots.map((s) => s.name)).toEqual([
      lead.name,
      mentor.name,
      BF.secondMentor.name,
      pm.name,
      trainee.name,
    ]);
    expect(
      h.run(director, { type: 'signPlan', planVersion: 2, typedFullName: director.name })?.code,
    ).toBe('NOT_A_SIGNER');
    signAll(h, [
      [lead, 'programmeLead'],
      [mentor, 'mentor'],
      [pm, 'professionalMentor'],
      [trainee, 'trainee'],
    ]);
    expect(eventsOf(h, 'PlanFullySigned')).toHaveLength(0); // the second mentor has not signed
    signAll(h, [[BF.secondMentor, 'mentor']]);
    signAll(h, [[BF.secondMentor, 'mentor']]); // a double click changes nothing
    expect(eventsOf(h, 'PlanSigned')).toHaveLength(5);
    expect(eventsOf(h, 'PlanFullySigned')).toEqual([expect.objectContaining({ planVersion: 2 })]);
    expect(notifications(h, 'plan-fully-signed')[0]?.recipients).toHaveLength(5);
  });

  it('BF-15, BF-19, BF-21: the Lead records the expectation, the next steps and that the plan was shared and retained', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    expect(h.run(mentor, { type: 'completeDuty', dutyId: 'next-steps-explained' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    for (const dutyId of ['expectation-set', 'next-steps-explained', 'plan-shared'])
      h.ok(lead, { type: 'completeDuty', dutyId });
    const duties = viewAs(h, trainee).stage!.duties;
    expect(duties.map((d) => [d.id, d.done, d.rules])).toEqual([
      ['expectation-set', true, ['BF-15']],
      ['next-steps-explained', true, ['BF-19']],
      ['plan-shared', true, ['BF-21']],
    ]);
    expect(h.run(lead, { type: 'completeDuty', dutyId: 'unknown-duty' })?.code).toBe(
      'UNKNOWN_DUTY',
    );
  });

  it('BF-18, BF-30: the Lead sets the review date; no window unless the provider sets one', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    expect(viewAs(h, lead).stage?.reviewWindow).toMatchObject({
      earliest: null,
      latest: null,
      indicative: null,
    });
    expect(h.run(mentor, { type: 'setReviewDate', reviewDate: '2025-03-03' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect(h.run(lead, { type: 'setReviewDate', reviewDate: '2025-01-06' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    );
    h.ok(lead, { type: 'setReviewDate', reviewDate: '2025-03-03' });
    expect(eventsOf(h, 'SignaturesVoided')).toHaveLength(1); // the date is part of the signed plan

    const bounded = openBrightFutures({
      settings: { reviewMinDays: 5, reviewMaxDays: 10, reviewDayUnit: 'working' },
    });
    bfToStage1Review(bounded, false);
    bfToStage2(bounded);
    expect(viewAs(bounded, lead).stage?.reviewWindow).toMatchObject({
      earliest: '2025-01-13',
      latest: '2025-01-20',
    });
    expect(bounded.run(lead, { type: 'setReviewDate', reviewDate: '2025-03-03' })?.code).toBe(
      'REVIEW_DATE_OUTSIDE_WINDOW',
    );
  });

  it('BF-21: Stage 2 can be reviewed again; all met completes the plan', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    reviewAll(h, lead, false);
    reviewAll(h, lead, true);
    expect(h.run(lead, { type: 'startStage', stageId: 'stage-3', reason: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(lead, {
      type: 'closeCase',
      closureId: 'concerns-resolved',
      notes: 'Support plan completed',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'concerns-resolved' });
  });
});

describe('Bright Futures SCITT: Stage 3 and the Director meeting', () => {
  function atStage3() {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    reviewAll(h, lead, false);
    for (const dutyId of ['expectation-set', 'next-steps-explained', 'plan-shared']) {
      h.ok(lead, { type: 'completeDuty', dutyId }); // BF-15, BF-19, BF-21 come before Stage 3
    }
    h.ok(lead, {
      type: 'startStage',
      stageId: 'stage-3',
      reason: 'Support plan has not led to progress',
    });
    return h;
  }

  it('BF-22: the Stage 3 observation is carried out by the Lead, not the Professional Mentor', () => {
    const h = atStage3();
    const outcomes = h.targetIds().map((targetId) => ({ targetId, met: true, evidence: 'x' }));
    expect(h.run(lead, { type: 'recordReview', heldOn: today(h), outcomes })?.code).toBe(
      'REVIEW_NOT_ALLOWED_YET',
    );
    const byPm = h.run(pm, {
      type: 'recordObservation',
      observationDefinitionId: 'lead-observation',
      date: today(h),
      observers: [h.participantId(pm)],
      notes: 'x',
    });
    expect(byPm).toMatchObject({ code: 'OBSERVER_NOT_ALLOWED', rules: ['BF-22'] });
    h.ok(lead, {
      type: 'recordObservation',
      observationDefinitionId: 'lead-observation',
      date: today(h),
      observers: [h.participantId(lead)],
      notes: 'Lead observed',
    });
    expect(h.run(pm, { type: 'recordReview', heldOn: today(h), outcomes })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(lead, { type: 'recordReview', heldOn: today(h), outcomes });
  });

  it('BF-23, BF-24, BF-30: the review meeting with the trainee and mentor team; targets carried; no signatures at Stage 3', () => {
    const h = atStage3();
    expect(h.targetIds()).toHaveLength(1); // the Stage 2 targets are reviewed again
    expect(h.run(lead, meeting(h, 'review-meeting', ['programmeLead', 'trainee']))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
    h.ok(
      lead,
      meeting(
        h,
        'review-meeting',
        ['programmeLead', 'trainee', 'mentor', 'professionalMentor'],
        false,
      ),
    ); // online not specified
    expect(
      h.run(trainee, { type: 'signPlan', planVersion: 1, typedFullName: trainee.name })?.code,
    ).toBe('SIGNATURES_NOT_REQUIRED');
  });

  it('BF-25: Stage 3 targets met: the place on the programme is retained', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    bfToStage3Review(h, true);
    expect(
      h.run(lead, { type: 'startStage', stageId: 'director-meeting', reason: 'x' })?.code,
    ).toBe('GUARD_FAILED');
    h.ok(lead, {
      type: 'closeCase',
      closureId: 'place-retained',
      notes: 'Targets addressed, progress made',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'place-retained' });
  });

  it('BF-26: not met: the Director meeting, and closure only once the meeting is held', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    bfToStage3Review(h, false);
    expect(h.run(lead, { type: 'closeCase', closureId: 'place-retained', notes: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(lead, {
      type: 'startStage',
      stageId: 'director-meeting',
      reason: 'Targeted support has not resulted in progress',
    });
    expect(
      h.run(director, { type: 'closeCase', closureId: 'place-retained', notes: 'x' }),
    ).toMatchObject({ code: 'GUARD_FAILED', rules: ['BF-26'] });
    expect(h.run(director, meeting(h, 'director-meeting', ['trainee']))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
    h.ok(director, meeting(h, 'director-meeting', ['director', 'trainee'], false));
    const meetingId = h.mustState().current!.meetings[0]!.meetingId;
    expect(
      h.run(director, { type: 'closeCase', closureId: 'place-retained', notes: 'x' })?.code,
    ).toBe('GUARD_FAILED');
    h.ok(director, { type: 'recordMeetingHeld', meetingId, notes: 'Position discussed' });
    expect(h.run(lead, { type: 'closeCase', closureId: 'place-retained', notes: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(director, {
      type: 'closeCase',
      closureId: 'place-retained',
      notes: 'Place retained after the Director meeting',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'place-retained' });
  });

  it('X-12: withdrawal after the Director meeting is a provider setting', () => {
    const h = openBrightFutures({ settings: { withdrawalAfterDirectorMeeting: false } });
    bfToStage1Review(h, false);
    bfToStage2(h);
    bfToStage3Review(h, false);
    h.ok(director, {
      type: 'startStage',
      stageId: 'director-meeting',
      reason: 'Invited by the Director',
    });
    h.ok(director, meeting(h, 'director-meeting', ['director', 'trainee'], false));
    h.ok(director, {
      type: 'recordMeetingHeld',
      meetingId: h.mustState().current!.meetings[0]!.meetingId,
      notes: 'x',
    });
    expect(
      h.run(director, { type: 'closeCase', closureId: 'withdrawn', notes: 'x' }),
    ).toMatchObject({ code: 'GUARD_FAILED', rules: ['X-12'] });
    h.ok(director, { type: 'closeCase', closureId: 'place-retained', notes: 'x' });
  });
});

describe('Bright Futures SCITT: all partners informed (BF-01)', () => {
  it('BF-01: stage events notify the Lead, every mentor and the trainee; the trainee can comment', () => {
    const h = openBrightFutures({ extra: [['mentor', BF.secondMentor]] });
    h.ok(trainee, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    const partners = idsOf(h, ['programmeLead', 'mentor', 'professionalMentor', 'trainee']);
    expect(partners).toHaveLength(5);
    const started = effectsOf(h, lead, { type: 'startStage', stageId: 'stage-1', reason: 'x' });
    const startedNotice = started.find((e) => e.kind === 'notify');
    expect(startedNotice).toMatchObject({ template: 'stage-started', rules: ['BF-01'] });
    expect(recipientsOf(started)).toEqual([...partners].sort());
    const changed = effectsOf(h, lead, smartTarget('T1'));
    expect(changed.find((e) => e.kind === 'notify')).toMatchObject({
      template: 'plan-changed',
      rules: ['BF-01'],
    });
    h.ok(pm, {
      type: 'recordObservation',
      observationDefinitionId: 'review-observation',
      date: today(h),
      observers: [h.participantId(pm)],
      notes: 'x',
    });
    const reviewed = effectsOf(h, pm, {
      type: 'recordReview',
      heldOn: today(h),
      outcomes: h.targetIds().map((targetId) => ({ targetId, met: true, evidence: 'x' })),
    });
    expect(reviewed.find((e) => e.kind === 'notify')).toMatchObject({
      template: 'review-recorded',
    });
    expect(recipientsOf(reviewed)).toEqual([...partners].sort());
    h.ok(trainee, { type: 'addComment', text: 'I agree with the targets' });
    const closed = effectsOf(h, lead, {
      type: 'closeCase',
      closureId: 'concerns-resolved',
      notes: 'x',
    });
    expect(closed.find((e) => e.kind === 'notify')).toMatchObject({ template: 'case-closed' });
    expect(recipientsOf(closed)).toEqual([...partners].sort());
    expect(viewAs(h, trainee).comments.map((c) => c.text)).toEqual(['I agree with the targets']);
  });
});
