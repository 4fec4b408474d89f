import { builtInProcedures } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import {
  ME,
  eventsOf,
  meStage5Duties,
  meToStage1,
  meToStage2,
  meToStage3,
  meToStage4,
  meToStage5,
  notifications,
  openMidEssex,
  reviewAll,
  sharpTarget,
  today,
  viewAs,
  meCompleteStage3,
} from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';

const ct = ME.courseTutor;
const director = ME.director;
const trainee = ME.trainee;

const stageOf = (h: EngineHarness) => h.mustState().current?.stageId ?? null;
const completed = (h: EngineHarness) => h.mustState().completedStages.map((s) => s.stageId);

function seriousIncident(h: EngineHarness) {
  h.ok(ME.professionalTutor, {
    type: 'raiseConcern',
    category: 'professional-conduct',
    description: 'Shouted at a pupil and left the classroom unsupervised',
    seriousIncident: true,
  });
}

describe('Mid Essex ITT: Stage 4 Outcome 1, the Cause for Concern ends', () => {
  it('ME-59, ME-60, ME-61: sufficient progress at the final review closes the case as cfc-ended', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meCompleteStage3(h);
    h.advanceDays(10);
    h.ok(ct, { type: 'startStage', stageId: 'stage-4', reason: 'Final review due' });
    expect(h.targetIds()).toHaveLength(1); // ME-55: the CfC targets are carried into the final review

    // ME-60: the targets are reviewed with the full range of evidence before an outcome is recorded
    const early = h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      notes: 'Too early',
    });
    expect(early).toMatchObject({ code: 'REVIEW_NOT_ALLOWED_YET', rules: ['ME-60'] });
    reviewAll(h, ct, true);

    // ME-61: Outcome 1 carries no failure basis
    const withBasis = h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      basis: 'unlikely-to-progress',
      notes: 'x',
    });
    expect(withBasis).toMatchObject({ code: 'VALIDATION_FAILED', rules: ['ME-61'] });
    expect(h.run(ct, { type: 'closeCase', closureId: 'cfc-ended', notes: 'Too early' })?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      notes: 'Satisfactory level for this stage of the course',
    });
    expect(notifications(h, 'final-outcome-recorded')).toHaveLength(1);

    // Outcome 1 is not Outcome 2: Stage 5 cannot start
    expect(h.run(director, { type: 'startStage', stageId: 'stage-5', reason: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-62'],
    });
    expect(
      h.available(ct).map((a) => (a.type === 'closeCase' ? a.params.closureId : null)),
    ).toContain('cfc-ended');

    h.ok(ct, {
      type: 'closeCase',
      closureId: 'cfc-ended',
      notes: 'Trainee continues with the usual support',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'cfc-ended' });
    expect(completed(h)).toEqual(['pre-stage-1', 'stage-1', 'stage-2', 'stage-3', 'stage-4']);
    expect(h.available(ct)).toEqual([]);
  });

  it('ME-62: only two outcomes exist, and Outcome 2 must name its ground', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    expect(() =>
      h.run(ct, { type: 'recordFinalOutcome', progress: 'partial', notes: 'x' }),
    ).toThrow();
    expect(
      h.run(ct, { type: 'recordFinalOutcome', progress: 'insufficient', notes: 'x' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', rules: ['ME-62'] });
    expect(
      h.run(ME.mentor, { type: 'recordFinalOutcome', progress: 'sufficient', notes: 'x' })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('Mid Essex ITT: fast tracks to a Cause for Concern (X-07)', () => {
  it('ME-21, X-07: a one-time serious incident goes straight to Stage 3 from no stage', () => {
    const h = openMidEssex();
    const none = h.run(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Serious incident' });
    expect(none).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-21'] });
    h.ok(ME.professionalTutor, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'Planning is thin',
    });
    expect(
      h.run(ct, {
        type: 'startStage',
        stageId: 'stage-3',
        entryId: 'serious-incident',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-21'] });

    seriousIncident(h);
    expect(
      h.run(ME.mentor, {
        type: 'startStage',
        stageId: 'stage-3',
        entryId: 'serious-incident',
        reason: 'x',
      })?.code,
    ).toBe('ROLE_NOT_ALLOWED'); // X-03 cfcStartedBy
    h.ok(ct, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'serious-incident',
      reason: 'Significant breach of acceptable behaviour',
    });
    expect(stageOf(h)).toBe('stage-3');
    expect(h.mustState().current?.entryId).toBe('serious-incident');
    expect(completed(h)).toEqual([]);
    expect(notifications(h, 'stage-started')).toHaveLength(1);
  });

  it('ME-11, X-08: the serious incident fast track is exempt from the timescale (Stage 1 not yet reviewed)', () => {
    const h = openMidEssex();
    meToStage1(h);
    expect(h.run(ct, { type: 'startStage', stageId: 'stage-2', reason: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    seriousIncident(h);
    h.ok(director, {
      type: 'startStage',
      stageId: 'stage-3',
      reason: 'Serious incident during Stage 1',
    });
    expect(h.mustState().current?.entryId).toBe('serious-incident');
    expect(completed(h)).toEqual(['pre-stage-1', 'stage-1']);
  });

  it('ME-51, X-07: the extreme-case fast track is refused without written reports and observations, accepted with them', () => {
    const h = openMidEssex();
    h.ok(ME.professionalTutor, {
      type: 'raiseConcern',
      category: 'teaching',
      description: 'Pupils unsafe in practical lessons',
    });
    h.ok(ct, { type: 'startStage', stageId: 'pre-stage-1', reason: 'PT contacted Mid Essex ITT' });
    const extreme = (evidence?: { writtenReports: string[]; observationIds: string[] }) => ({
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'extreme-case',
      reason: 'Education and welfare of the children severely affected',
      ...(evidence === undefined ? {} : { evidence }),
    });

    const bare = h.run(ct, extreme());
    expect(bare).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-51'] });
    expect(bare?.message).toContain('(0/1)');
    expect(
      h.run(ct, extreme({ writtenReports: ['Head of science report'], observationIds: [] }))?.code,
    ).toBe('GUARD_FAILED');
    // an observation id that was never recorded is not evidence
    expect(
      h.run(
        ct,
        extreme({ writtenReports: ['Head of science report'], observationIds: ['id9999999999'] }),
      )?.code,
    ).toBe('GUARD_FAILED');

    h.ok(ct, {
      type: 'recordObservation',
      date: today(h),
      observers: [h.participantId(ct), h.participantId(ME.mentor)],
      notes: 'Unsafe practical',
    });
    const observationId = h.mustState().current!.observations[0]!.observationId;
    expect(h.run(ct, extreme({ writtenReports: [], observationIds: [observationId] }))?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(
      ct,
      extreme({ writtenReports: ['Head of science report'], observationIds: [observationId] }),
    );
    expect(stageOf(h)).toBe('stage-3');
    expect(h.mustState().current?.entryId).toBe('extreme-case');
  });
});

describe('Mid Essex ITT: reissue and escalation guards', () => {
  it('ME-53, X-08: only the Director may reissue a Cause for Concern, from Stage 3 or from the final review', () => {
    const h = openMidEssex();
    seriousIncident(h);
    h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Serious incident' });
    h.ok(ct, sharpTarget('CfC target'));
    const first = h.mustState().current!.instanceId;

    const byTutor = h.run(ct, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'reissue',
      reason: 'Reissue',
    });
    expect(byTutor).toMatchObject({ code: 'ROLE_NOT_ALLOWED', rules: ['ME-53', 'X-08'] });
    h.ok(director, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'reissue',
      reason: 'Exceptional circumstances',
    });
    const second = h.mustState().current!;
    expect(second.instanceId).not.toBe(first);
    expect(second.entryId).toBe('reissue');
    expect(second.plan.targets).toEqual([]); // a fresh Cause for Concern
    expect(completed(h)).toEqual(['stage-3']);

    h.ok(ct, sharpTarget('Reissued CfC target'));
    meCompleteStage3(h);
    h.advanceDays(10);
    h.ok(ct, { type: 'startStage', stageId: 'stage-4', reason: 'Final review' });
    h.ok(director, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'reissue',
      reason: 'Reissued after the final review',
    });
    expect(completed(h)).toEqual(['stage-3', 'stage-3', 'stage-4']);
  });

  it('ME-11, ME-20, X-08: no escalation to Stage 2 before the Stage 1 review, even after the window; allowed after an unmet review', () => {
    const h = openMidEssex();
    meToStage1(h);
    const before = h.run(ct, { type: 'startStage', stageId: 'stage-2', reason: 'Early' });
    expect(before?.code).toBe('GUARD_FAILED');
    expect(before?.message).toMatch(/review/i);
    expect(
      h.available(ct).some((a) => a.type === 'startStage' && a.params.stageId === 'stage-2'),
    ).toBe(false);
    h.advanceDays(30);
    expect(h.run(ct, { type: 'startStage', stageId: 'stage-2', reason: 'Window over' })?.code).toBe(
      'GUARD_FAILED',
    );

    reviewAll(h, ME.professionalTutor, false);
    const option = h
      .available(ct)
      .find((a) => a.type === 'startStage' && a.params.stageId === 'stage-2');
    expect(option?.rules).toEqual(expect.arrayContaining(['ME-20', 'ME-11']));
    h.ok(ct, { type: 'startStage', stageId: 'stage-2', reason: 'A Stage 1 target was not met' });
    expect(stageOf(h)).toBe('stage-2');
  });

  it('ME-16, ME-17, ME-20: every Stage 1 target met completes the plan (targets-met) and blocks Stage 2', () => {
    const h = openMidEssex();
    meToStage1(h);
    reviewAll(h, ME.mentor, true);
    expect(h.run(ct, { type: 'startStage', stageId: 'stage-2', reason: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-20'],
    });
    h.ok(ct, { type: 'closeCase', closureId: 'targets-met', notes: 'All targets met' });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'targets-met' });
  });

  it('ME-10, ME-22, ME-36: Stage 3 follows unmet targets at both Stage 1 and Stage 2', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    expect(
      h.run(ct, {
        type: 'startStage',
        stageId: 'stage-3',
        entryId: 'isp-unsuccessful',
        reason: 'x',
      })?.code,
    ).toBe('GUARD_FAILED');
    reviewAll(h, ct, false);
    const option = h
      .available(ct)
      .find((a) => a.type === 'startStage' && a.params.entryId === 'isp-unsuccessful');
    expect(option?.rules).toEqual(expect.arrayContaining(['ME-10', 'ME-36']));
    h.ok(ct, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'isp-unsuccessful',
      reason: 'Not met at both stages',
    });
    expect(stageOf(h)).toBe('stage-3');
  });

  it('ME-36: a Stage 2 whose latest review met every target does not lead to a Cause for Concern', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    reviewAll(h, ct, false);
    reviewAll(h, ct, true); // ME-34: a second Stage 2 review
    expect(
      h.run(ct, {
        type: 'startStage',
        stageId: 'stage-3',
        entryId: 'isp-unsuccessful',
        reason: 'x',
      })?.code,
    ).toBe('GUARD_FAILED');
    h.ok(ct, {
      type: 'closeCase',
      closureId: 'targets-met',
      notes: 'Met at the second Stage 2 review',
    });
  });

  it('ME-36: without an unmet Stage 1, unmet Stage 2 targets alone do not open a Cause for Concern', () => {
    // A definition variant in which Stage 2 could start from nothing: only ME-36's guard stands in the way.
    const base = builtInProcedures().get('mid-essex-itt')!;
    const variant: ProcedureDefinition = structuredClone(base);
    const stage2 = variant.stages.find((s) => s.id === 'stage-2')!;
    stage2.entries.push({
      id: 'test-direct',
      label: 'Direct (test only)',
      from: ['none'],
      by: ['courseTutor'],
      guards: [],
      rules: ['ME-36'],
    });
    const h = openMidEssex({ definition: variant });
    h.ok(ct, { type: 'startStage', stageId: 'stage-2', entryId: 'test-direct', reason: 'x' });
    h.ok(ct, sharpTarget('Stage 2 target'));
    reviewAll(h, ct, false);
    const refusal = h.run(ct, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'isp-unsuccessful',
      reason: 'x',
    });
    expect(refusal).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-36'] });
    expect(refusal?.message).toContain('Stage 1');
  });

  it('ME-34: Stage 2 may be reviewed more than once; Stage 1 only once', () => {
    const h = openMidEssex();
    meToStage1(h);
    reviewAll(h, ME.mentor, false);
    const again = h.run(ME.mentor, {
      type: 'recordReview',
      heldOn: today(h),
      outcomes: h.targetIds().map((targetId) => ({ targetId, met: true, evidence: 'x' })),
    });
    expect(again?.code).toBe('REVIEW_NOT_ALLOWED_YET');
    h.ok(ct, { type: 'startStage', stageId: 'stage-2', reason: 'Not met' });
    h.ok(ct, sharpTarget('Stage 2 target'));
    reviewAll(h, ct, false);
    h.advanceDays(3);
    reviewAll(h, ME.professionalTutor, false);
    expect(h.mustState().current?.reviews).toHaveLength(2);
    expect(viewAs(h, ct).stage?.reviews).toHaveLength(2);
  });
});

describe('Mid Essex ITT: Stage 4 Outcome 2 (ME-62, X-11)', () => {
  const outcome2 = (h: EngineHarness, basis: string, agreedBy: string[]) =>
    h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'insufficient',
      basis,
      agreedBy,
      notes: 'No or insufficient progress',
    });

  function atFinalReview(settings: Record<string, unknown> = {}) {
    const h = openMidEssex({ settings });
    seriousIncident(h);
    h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Serious incident' });
    h.ok(ct, sharpTarget('CfC target'));
    meToStage4(h, false);
    return h;
  }

  it('ME-62, X-11: serious negative impact needs the school, LST and CT/Director agreement under scope "both" (default)', () => {
    const h = atFinalReview();
    const refusal = outcome2(h, 'serious-negative-impact', []);
    expect(refusal).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-62', 'X-11'] });
    expect(h.run(director, { type: 'startStage', stageId: 'stage-5', reason: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    expect(
      outcome2(h, 'serious-negative-impact', [
        h.participantId(ME.mentor),
        h.participantId(ME.leadSubjectTutor),
        h.participantId(director),
      ]),
    ).toBeNull();
    h.ok(director, { type: 'startStage', stageId: 'stage-5', reason: 'Fails the programme' });
    expect(stageOf(h)).toBe('stage-5');
  });

  it('X-11: under scope "unlikely-only", serious negative impact needs no agreement, unlikely-to-progress still does', () => {
    const h = atFinalReview({ outcome2AgreementScope: 'unlikely-only' });
    expect(outcome2(h, 'unlikely-to-progress', [h.participantId(ct)])).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-62', 'X-11'],
    });
    expect(outcome2(h, 'serious-negative-impact', [])).toBeNull();
    expect(h.mustState().current?.finalOutcome).toMatchObject({
      progress: 'insufficient',
      basis: 'serious-negative-impact',
    });
  });

  it('ME-62, X-05: the Lead Subject Tutor agrees to Outcome 2 though not a Stage 3 signer', () => {
    const h = atFinalReview();
    const refusal = outcome2(h, 'unlikely-to-progress', [
      h.participantId(ME.mentor),
      h.participantId(ct),
    ]);
    expect(refusal?.code).toBe('GUARD_FAILED');
    expect(
      outcome2(h, 'unlikely-to-progress', [
        h.participantId(ME.professionalTutor),
        h.participantId(ME.leadSubjectTutor),
        h.participantId(ct),
      ]),
    ).toBeNull();
    expect(outcome2(h, 'unlikely-to-progress', [])?.code).toBe('REVIEW_NOT_ALLOWED_YET'); // recorded once only
  });
});

describe('Mid Essex ITT: Stage 5 appeal and Stage 6 (ME-63..ME-70)', () => {
  function atStage5() {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    meToStage5(h);
    return h;
  }

  it('ME-63, ME-64, ME-65, ME-67, ME-68, ME-69, ME-70: appeal lodged then dismissed; the board confirms at Stage 6', () => {
    const h = atStage5();
    expect(h.run(trainee, { type: 'recordAppealDecision', decision: 'lodged' })).toMatchObject({
      code: 'APPEAL_STATE',
    }); // ME-65: informed first
    const letter = h.effects.length;
    meStage5Duties(h);
    const copy = notifications(h, 'duty-completed').filter((e) => h.effects.indexOf(e) >= letter);
    expect(copy.map((e) => e.recipients)).toContainEqual([h.participantId(ct)]); // ME-67: copy to the Course Tutor

    h.ok(trainee, { type: 'recordAppealDecision', decision: 'lodged' });
    expect(h.run(director, { type: 'completeDuty', dutyId: 'exit-interview' })?.code).toBe(
      'DUTY_NOT_APPLICABLE',
    ); // ME-66
    expect(h.run(director, { type: 'startStage', stageId: 'stage-6', reason: 'x' })).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-65', 'ME-69'],
    });
    expect(
      h.run(trainee, { type: 'recordAppealOutcome', outcome: 'upheld', notes: 'x' })?.code,
    ).toBe('ROLE_NOT_ALLOWED');
    expect(
      h.run(director, { type: 'closeCase', closureId: 'termination-overturned', notes: 'x' })?.code,
    ).toBe('GUARD_FAILED');

    h.ok(director, {
      type: 'recordAppealOutcome',
      outcome: 'dismissed',
      notes: 'Committee dismissed the appeal',
    });
    expect(notifications(h, 'appeal-updated').length).toBeGreaterThanOrEqual(2);
    h.ok(director, {
      type: 'startStage',
      stageId: 'stage-6',
      reason: 'Refer to the recommending board',
    });
    expect(h.run(trainee, { type: 'closeCase', closureId: 'withdrawn', notes: 'x' })?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
    h.ok(director, {
      type: 'closeCase',
      closureId: 'withdrawn',
      notes: 'Board confirmed; withdrawn in Register',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'withdrawn' });
    expect(completed(h)).toEqual([
      'pre-stage-1',
      'stage-1',
      'stage-2',
      'stage-3',
      'stage-4',
      'stage-5',
      'stage-6',
    ]);
  });

  it('ME-69: appeal upheld: the termination is overturned and the case closes (termination-overturned)', () => {
    const h = atStage5();
    meStage5Duties(h);
    h.ok(trainee, { type: 'recordAppealDecision', decision: 'lodged' });
    expect(h.run(trainee, { type: 'recordAppealDecision', decision: 'declined' })?.code).toBe(
      'APPEAL_STATE',
    );
    h.ok(director, {
      type: 'recordAppealOutcome',
      outcome: 'upheld',
      notes: 'Committee upheld the appeal',
    });
    expect(h.run(director, { type: 'startStage', stageId: 'stage-6', reason: 'x' })?.code).toBe(
      'GUARD_FAILED',
    );
    h.ok(director, {
      type: 'closeCase',
      closureId: 'termination-overturned',
      notes: 'Termination overturned on appeal',
    });
    expect(h.mustState().status).toMatchObject({
      kind: 'closed',
      outcomeId: 'termination-overturned',
    });
    expect(h.run(director, { type: 'startStage', stageId: 'stage-6', reason: 'x' })?.code).toBe(
      'CASE_CLOSED',
    );
  });

  it('ME-66, ME-70: appeal declined: exit interview due before the board; board may not confirm (not-confirmed)', () => {
    const h = atStage5();
    meStage5Duties(h);
    h.ok(trainee, { type: 'recordAppealDecision', decision: 'declined' });
    const missing = h.run(director, { type: 'startStage', stageId: 'stage-6', reason: 'x' });
    expect(missing?.message).toContain('Exit interview');
    h.ok(ct, { type: 'completeDuty', dutyId: 'exit-interview' });
    expect(h.run(ct, { type: 'completeDuty', dutyId: 'exit-interview' })?.code).toBe(
      'DUTY_ALREADY_DONE',
    );
    h.ok(director, { type: 'startStage', stageId: 'stage-6', reason: 'Board' });
    h.ok(ME.programmeLeader, {
      type: 'closeCase',
      closureId: 'not-confirmed',
      notes: 'Board did not confirm',
    });
    expect(h.mustState().status).toMatchObject({ kind: 'closed', outcomeId: 'not-confirmed' });
    expect(eventsOf(h, 'CaseClosed')).toHaveLength(1);
  });
});
