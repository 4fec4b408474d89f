import { readableHistory } from '@shared/record/readable-history';
import { stageRecords } from '@shared/record/stage-record';
import {
  BF,
  ME,
  bfToStage1Review,
  bfToStage2,
  eventsOf,
  meToStage1,
  meToStage2,
  meToStage3,
  meToStage4,
  meToStage5,
  openBrightFutures,
  openMidEssex,
  reviewAll,
  today,
  viewAs,
} from '../../../support/engine-fixtures';
import { record } from '../../../support/record-fixtures';

const all = { specialCategory: true, staff: true };

test('ME-44, ME-03: an observation is corrected by a new event that supersedes it; both stay in the history', () => {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  meToStage1(h);
  meToStage2(h);
  meToStage3(h);
  const observation = h.mustState().current!.observations[0]!;
  h.ok(ME.courseTutor, {
    type: 'correctEntry',
    reason: 'Wrong lesson noted',
    correction: {
      kind: 'observation',
      observationId: observation.observationId,
      date: observation.date,
      observers: observation.observers,
      notes: 'Initial joint observation, Year 10 set 3',
    },
  });
  expect(h.mustState().current!.observations).toEqual([
    {
      ...observation,
      notes: 'Initial joint observation, Year 10 set 3',
      recordedBy: observation.recordedBy,
    },
  ]);
  const history = readableHistory(h.definition, h.staff, r.events(), all);
  const original = history.find((e) => e.type === 'ObservationRecorded')!;
  const correction = history.find((e) => e.type === 'EntryCorrected')!;
  expect(correction.summary).toBe('Corrected the observation: Wrong lesson noted');
  expect(correction.supersedes).toBe(original.seq);
  expect(original.supersededBy).toBe(correction.seq);
  expect(original.changes).toContain('Notes: Initial joint observation');
  const stage3 = stageRecords(h.definition, r.events()).at(-1)!;
  expect(stage3.corrections).toEqual([
    expect.objectContaining({
      kind: 'observation',
      entryId: observation.observationId,
      reason: 'Wrong lesson noted',
    }),
  ]);
});

test('ME-26, ME-28: correcting a review outcome changes the signed paperwork, so it voids the signatures and bumps the plan version', () => {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  meToStage1(h);
  h.advanceDays(8);
  reviewAll(h, ME.mentor, false);
  const before = h.mustState().current!;
  expect(before.signatures).toHaveLength(5);
  const review = before.reviews[0]!;
  h.ok(ME.mentor, {
    type: 'correctEntry',
    reason: 'Target 1 was met: evidence mis-filed',
    correction: {
      kind: 'review',
      reviewId: review.reviewId,
      heldOn: review.heldOn,
      outcomes: review.outcomes.map((o, i) =>
        i === 0 ? { ...o, met: true, evidence: 'Seen on 3 March' } : o,
      ),
    },
  });
  const after = h.mustState().current!;
  expect(after.signatures).toEqual([]);
  expect(after.plan.version).toBe(before.plan.version + 1);
  expect(after.reviews[0]?.outcomes[0]).toMatchObject({ met: true, evidence: 'Seen on 3 March' });
  expect(after.reviews[0]?.reviewId).toBe(review.reviewId);
  expect(eventsOf(h, 'SignaturesVoided').at(-1)).toMatchObject({
    count: 5,
    planVersion: before.plan.version + 1,
  });
  const stage1 = stageRecords(h.definition, r.events())[1]!;
  const signed = stage1.planVersions.find((v) => v.version === before.plan.version)!;
  expect(signed.signatures.every((s) => s.voided)).toBe(true);
  expect(viewAs(h, ME.courseTutor).stage?.fullySigned).toBe(false);
});

test('ME-11, ME-53, ME-69: a correction once a later stage has started is refused, naming the way forward', () => {
  const h = openMidEssex();
  meToStage1(h);
  meToStage2(h);
  const stage1Review = h.mustState().completedStages.find((s) => s.stageId === 'stage-1')!
    .reviews[0]!;
  const refusal = h.run(ME.mentor, {
    type: 'correctEntry',
    reason: 'Mis-recorded',
    correction: {
      kind: 'review',
      reviewId: stage1Review.reviewId,
      heldOn: stage1Review.heldOn,
      outcomes: stage1Review.outcomes.map((o) => ({ ...o, met: true })),
    },
  });
  expect(refusal?.code).toBe('CORRECTION_NOT_ALLOWED');
  expect(refusal?.message).toMatch(/Stage 1.*has ended: a later stage \(Stage 2/);
  expect(refusal?.message).toContain('Reissue the Cause for Concern');
  expect(refusal?.message).toContain('right of appeal');
  expect(refusal?.rules).toEqual(expect.arrayContaining(['ME-53', 'ME-65', 'ME-69']));
});

test('ME-62: the final outcome cannot be corrected once Stage 5 has started', () => {
  const h = openMidEssex();
  meToStage1(h);
  meToStage2(h);
  meToStage3(h);
  meToStage4(h, false);
  const fork = h.fork();
  meToStage5(h);
  const refusal = h.run(ME.courseTutor, {
    type: 'correctEntry',
    reason: 'Wrong outcome',
    correction: { kind: 'finalOutcome', progress: 'sufficient', notes: 'Sufficient after all' },
  });
  expect(refusal?.code).toBe('CORRECTION_NOT_ALLOWED');
  // Before Stage 5, the same correction is allowed and re-checked against ME-61.
  fork.ok(ME.courseTutor, {
    type: 'recordFinalOutcome',
    progress: 'insufficient',
    basis: 'unlikely-to-progress',
    agreedBy: [ME.mentor, ME.leadSubjectTutor, ME.courseTutor].map((p) => fork.participantId(p)),
    notes: 'Agreed at review',
  });
  expect(
    fork.run(ME.courseTutor, {
      type: 'correctEntry',
      reason: 'Recorded against the wrong basis',
      correction: {
        kind: 'finalOutcome',
        progress: 'sufficient',
        basis: 'unlikely-to-progress',
        notes: 'x',
      },
    })?.rules,
  ).toEqual(['ME-61']);
  // Outcome 1 against a review that found the target not met: refused without the reason and
  // the agreement ME-61/62 name, like the first recording.
  expect(
    fork.run(ME.courseTutor, {
      type: 'correctEntry',
      reason: 'Recorded in error: progress was sufficient',
      correction: { kind: 'finalOutcome', progress: 'sufficient', notes: 'Sufficient progress' },
    })?.rules,
  ).toEqual(['ME-60', 'ME-61']);
  fork.ok(ME.courseTutor, {
    type: 'correctEntry',
    reason: 'Recorded in error: progress was sufficient',
    correction: {
      kind: 'finalOutcome',
      progress: 'sufficient',
      notes: 'Sufficient progress',
      reasonAgainstReview: 'Evidence after the review showed the target met',
      agreedBy: [ME.mentor, ME.leadSubjectTutor, ME.courseTutor].map((p) => fork.participantId(p)),
    },
  });
  expect(fork.mustState().current?.finalOutcome?.progress).toBe('sufficient');
});

test('ME-03: only the roles that may record an entry may correct it, and a reason is mandatory', () => {
  const h = openMidEssex();
  meToStage1(h);
  h.ok(ME.courseTutor, {
    type: 'recordObservation',
    date: today(h),
    observers: [h.participantId(ME.mentor)],
    notes: 'Observed',
  });
  const obs = h.mustState().current!.observations[0]!;
  const correction = {
    kind: 'observation',
    observationId: obs.observationId,
    date: obs.date,
    observers: obs.observers,
    notes: 'Fixed',
  };
  expect(h.run(ME.trainee, { type: 'correctEntry', reason: 'Mine', correction })?.code).toBe(
    'ROLE_NOT_ALLOWED',
  );
  expect(() => h.run(ME.courseTutor, { type: 'correctEntry', reason: '', correction })).toThrow();
  expect(
    h
      .available(ME.courseTutor)
      .filter((c) => c.type === 'correctEntry')
      .map((c) => c.params),
  ).toEqual([{ kind: 'observation', entryId: obs.observationId }]);
});

test('BF-09, BF-13: a duty recorded in error and a meeting marked held in error are corrected', () => {
  const h = openBrightFutures();
  const r = record(h, BF.lead);
  bfToStage1Review(h, false);
  h.ok(BF.lead, {
    type: 'correctEntry',
    reason: 'The agreement was not actually recorded at the meeting',
    correction: { kind: 'duty', dutyId: 'action-steps-agreed' },
  });
  expect(h.mustState().current!.duties.map((d) => d.dutyId)).not.toContain('action-steps-agreed');
  bfToStage2(h);
  const attendees = ['programmeLead', 'mentor', 'trainee'].map(
    (role) => h.mustState().participants.find((p) => p.role === role)!.participantId,
  );
  h.ok(BF.lead, {
    type: 'scheduleMeeting',
    meetingDefinitionId: 'stage-2-meeting',
    start: '2025-01-08T15:00:00Z',
    durationMinutes: 30,
    online: true,
    attendees,
  });
  const meetingId = h.mustState().current!.meetings[0]!.meetingId;
  h.ok(BF.lead, { type: 'recordMeetingHeld', meetingId, notes: 'Held' });
  h.ok(BF.lead, {
    type: 'correctEntry',
    reason: 'The meeting was postponed, not held',
    correction: { kind: 'meeting', meetingId, held: false },
  });
  expect(h.mustState().current!.meetings[0]).toMatchObject({ status: 'scheduled', notes: null });
  const lines = readableHistory(h.definition, h.staff, r.events(), all).map((e) => e.summary);
  expect(lines).toContain(
    'Corrected the duty: The agreement was not actually recorded at the meeting',
  );
  expect(lines).toContain('Corrected the meeting: The meeting was postponed, not held');
});
