import {
  BF,
  ME,
  bfToStage1Review,
  bfToStage2,
  bfToStage3Review,
  holdMeeting,
  idsOf,
  meCompleteStage3,
  meStage5Duties,
  meToStage1,
  meToStage2,
  meToStage3,
  meToStage4,
  meToStage5,
  openBrightFutures,
  openMidEssex,
  reviewAll,
  viewAs,
} from '../../../support/engine-fixtures';
import { participant, type EngineHarness } from '../../../support/engine-harness';

/** Issue 11, items 1-3 and 6: rules of the procedures the engine used to miss. */

const ct = ME.courseTutor;
const cfcTeam = ['courseTutor', 'mentor', 'trainee', 'professionalMentor', 'director'] as const;
const stage4 = { type: 'startStage', stageId: 'stage-4', reason: 'Final review due' };
const offersStage4 = (h: EngineHarness) =>
  h.available(ct).some((o) => o.type === 'startStage' && o.params.stageId === 'stage-4');

describe('Mid Essex Stage 3 -> Stage 4: what the Cause for Concern requires (ME-44, ME-46, ME-48, ME-55, ME-57, ME-59)', () => {
  function atStage3WithNothing(): EngineHarness {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    h.advanceDays(8);
    reviewAll(h, ct, false);
    h.ok(ct, { type: 'startStage', stageId: 'stage-3', reason: 'Not met at both ISP stages' });
    h.advanceDays(10);
    return h;
  }

  it('ME-41, ME-55: no final review without Cause for Concern targets', () => {
    const h = atStage3WithNothing();
    expect(h.run(ct, stage4)).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-41', 'ME-55'],
    });
    expect(offersStage4(h)).toBe(false);
  });

  it('ME-46, ME-59: no final review before the formal Cause for Concern meeting is held', () => {
    const h = atStage3WithNothing();
    h.ok(ct, { type: 'addTarget', ...sharp('CfC target') });
    const refusal = h.run(ct, stage4);
    expect(refusal).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-46', 'ME-59'] });
    expect(refusal?.message).toContain('Cause for Concern meeting');
    // a scheduled meeting is not a held one
    h.ok(ct, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'cfc-meeting',
      start: h.now.toISOString(),
      durationMinutes: 60,
      online: false,
      attendees: idsOf(h, ['courseTutor', 'mentor', 'trainee', 'professionalMentor', 'director']),
    });
    expect(h.run(ct, stage4)?.rules).toEqual(['ME-46', 'ME-59']);
  });

  it('ME-44, ME-59: no final review without the initial joint observation', () => {
    const h = atStage3WithNothing();
    h.ok(ct, { type: 'addTarget', ...sharp('CfC target') });
    holdMeeting(h, ct, 'cfc-meeting', cfcTeam);
    expect(h.run(ct, stage4)).toMatchObject({
      code: 'GUARD_FAILED',
      rules: ['ME-44', 'ME-59'],
    });
  });

  it('ME-57, ME-48: no final review until every signer has signed the current Cause for Concern plan', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h); // targets and the joint observation
    holdMeeting(h, ct, 'cfc-meeting', cfcTeam);
    h.advanceDays(10);
    const refusal = h.run(ct, stage4);
    expect(refusal).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-57', 'ME-48'] });
    expect(refusal?.message).toContain('Trainee');
    expect(offersStage4(h)).toBe(false);
  });

  it('ME-48..59: with targets agreed at the held meeting, the joint observation and the signed plan, the final review opens', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meCompleteStage3(h);
    h.advanceDays(10);
    expect(offersStage4(h)).toBe(true);
    expect(h.run(ct, stage4)).toBeNull();
    expect(h.mustState().current?.stageId).toBe('stage-4');
    // a change to the plan voids the signatures: the final review waits for them again
    const again = openMidEssex();
    meToStage1(again);
    meToStage2(again);
    meToStage3(again);
    meCompleteStage3(again);
    again.ok(ct, { type: 'addTarget', ...sharp('A late second target') });
    again.advanceDays(10);
    expect(again.run(ct, stage4)?.rules).toEqual(['ME-57', 'ME-48']);
  });
});

describe('Mid Essex Stage 4 outcome against the latest review (ME-60, ME-61, ME-62)', () => {
  const agreement = (h: EngineHarness) => [
    h.participantId(ME.mentor),
    h.participantId(ME.leadSubjectTutor),
    h.participantId(ct),
  ];

  it('ME-60, ME-61: Outcome 1 is refused when the only final review found every target not met', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    const refusal = h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      notes: 'Sufficient progress',
    });
    expect(refusal).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-60', 'ME-61'] });
    expect(refusal?.message).toContain('1 of 1 targets not met');
    expect(h.mustState().current?.finalOutcome).toBeNull();
  });

  it('ME-61, ME-62: Outcome 1 against the review needs a recorded reason and the agreement ME-62 names', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    const reason = 'Evidence after the review: two further lessons met the target';
    const noAgreement = h.run(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      notes: 'Sufficient',
      reasonAgainstReview: reason,
      agreedBy: [h.participantId(ct)],
    });
    expect(noAgreement).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-61', 'ME-62'] });
    expect(noAgreement?.message).toContain('Lead Subject Tutor');
    h.ok(ct, {
      type: 'recordFinalOutcome',
      progress: 'sufficient',
      notes: 'Sufficient',
      reasonAgainstReview: reason,
      agreedBy: agreement(h),
    });
    const latest = h.mustState().current!.reviews.at(-1)!;
    expect(h.mustState().current?.finalOutcome?.againstLatestReview).toEqual({
      reviewId: latest.reviewId,
      reason,
    });
  });

  it('ME-60, ME-62: Outcome 2 after a review that found every target met needs a recorded reason', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, true);
    const outcome2 = {
      type: 'recordFinalOutcome',
      progress: 'insufficient',
      basis: 'serious-negative-impact',
      agreedBy: agreement(h),
      notes: 'Serious impact on pupils',
    };
    expect(h.run(ct, outcome2)).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-60', 'ME-62'] });
    h.ok(ct, { ...outcome2, reasonAgainstReview: 'Safeguarding report received after the review' });
    expect(h.mustState().current?.finalOutcome?.progress).toBe('insufficient');
  });

  it('ME-61: an outcome that agrees with the review records no departure', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, true);
    h.ok(ct, { type: 'recordFinalOutcome', progress: 'sufficient', notes: 'All met' });
    expect(h.mustState().current?.finalOutcome).not.toHaveProperty('againstLatestReview');
  });
});

describe('Meetings and the people they are for (BF-26, ME-64)', () => {
  function atDirectorMeeting(withDirector: boolean): EngineHarness {
    const h = openBrightFutures(withDirector ? {} : { without: ['director'] });
    bfToStage1Review(h, false);
    bfToStage2(h);
    bfToStage3Review(h, false);
    h.ok(BF.lead, { type: 'startStage', stageId: 'director-meeting', reason: 'No progress' });
    return h;
  }
  const schedule = (h: EngineHarness, attendees: string[]) => ({
    type: 'scheduleMeeting',
    meetingDefinitionId: 'director-meeting',
    start: h.now.toISOString(),
    durationMinutes: 60,
    online: false,
    attendees,
  });

  it('BF-26: the Director meeting cannot be scheduled while nobody in the case is the SCITT Director', () => {
    const h = atDirectorMeeting(false);
    const refusal = h.run(BF.lead, schedule(h, idsOf(h, ['trainee', 'programmeLead'])));
    expect(refusal).toMatchObject({ code: 'MEETING_PARTICIPANTS_MISSING', rules: ['BF-26'] });
    expect(refusal?.message).toContain('SCITT Director');
    // once the Director is named in the case, the meeting must invite them
    h.ok(BF.lead, { type: 'addParticipant', participant: participant('director', BF.director) });
    expect(h.run(BF.lead, schedule(h, idsOf(h, ['trainee'])))?.code).toBe(
      'MEETING_PARTICIPANTS_MISSING',
    );
    expect(h.run(BF.lead, schedule(h, idsOf(h, ['trainee', 'director'])))).toBeNull();
  });

  it('BF-26: the trainee is who the Director meeting is for', () => {
    const h = atDirectorMeeting(true);
    expect(h.run(BF.director, schedule(h, idsOf(h, ['director'])))?.message).toContain('Trainee');
  });

  it('ME-64: "the trainee meets with the Director" cannot be recorded before that meeting is held', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    meToStage5(h);
    const duty = { type: 'completeDuty', dutyId: 'director-meeting-record' };
    expect(h.run(ME.director, duty)).toMatchObject({ code: 'GUARD_FAILED', rules: ['ME-64'] });
    expect(
      h.available(ME.director).some((o) => o.params.dutyId === 'director-meeting-record'),
    ).toBe(false);
    h.ok(ME.director, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'director-meeting',
      start: h.now.toISOString(),
      durationMinutes: 30,
      online: false,
      attendees: idsOf(h, ['director', 'trainee']),
    });
    expect(h.run(ME.director, duty)?.message).toContain('scheduled but not yet recorded as held');
    const meetingId = h.mustState().current!.meetings[0]!.meetingId;
    h.ok(ME.director, { type: 'recordMeetingHeld', meetingId, notes: 'Met with the trainee' });
    expect(h.run(ME.director, duty)).toBeNull();
  });

  it('ME-64: the Stage 5 duties, the Director meeting first, complete the stage', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meToStage4(h, false);
    meToStage5(h);
    meStage5Duties(h);
    expect(h.mustState().current?.duties.map((d) => d.dutyId)).toContain('director-meeting-record');
  });
});

describe('The view describes every meeting requirement the engine enforces (BF-13, BF-26)', () => {
  it('BF-13: the Stage 2 meeting shows its "Mentor (Class/subject or Professional Mentor)" group', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    const meeting = viewAs(h, BF.lead).stage!.requiredMeetings[0]!;
    expect(meeting).toMatchObject({
      id: 'stage-2-meeting',
      online: true,
      participants: ['programmeLead', 'trainee'],
      anyOf: [['mentor', 'professionalMentor']],
      scheduledBy: ['programmeLead'],
      held: false,
    });
    expect(meeting.requirements).toEqual([
      'Invite everyone in the case who is the Programme Lead, Trainee.',
      'Invite at least one of: Mentor or Professional Mentor.',
      'It must be held online.',
    ]);
    // the view is what the engine enforces: a meeting without either mentor is refused
    const refusal = h.run(BF.lead, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'stage-2-meeting',
      start: h.now.toISOString(),
      durationMinutes: 60,
      online: true,
      attendees: idsOf(h, ['programmeLead', 'trainee']),
    });
    expect(refusal?.message).toContain('Mentor or Professional Mentor');
  });

  it('BF-26: the Director meeting shows who it is for', () => {
    const h = openBrightFutures();
    bfToStage1Review(h, false);
    bfToStage2(h);
    bfToStage3Review(h, false);
    h.ok(BF.lead, { type: 'startStage', stageId: 'director-meeting', reason: 'No progress' });
    const meeting = viewAs(h, BF.lead).stage!.requiredMeetings[0]!;
    expect(meeting.requiredAttendees).toEqual(['director', 'trainee']);
    expect(meeting.requirements).toContain(
      'The SCITT Director must be named in the case and invited.',
    );
  });
});

function sharp(text: string) {
  return {
    text,
    actions: ['Plan each lesson with a behaviour strategy'],
    indicators: ['AI 3.2'],
    monitoring: 'Weekly observation',
    successCriteria: 'Two consecutive lessons with low-level disruption handled',
  };
}
