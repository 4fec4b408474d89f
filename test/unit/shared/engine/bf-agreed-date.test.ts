import {
  BF,
  openBrightFutures,
  smartTarget,
  today,
  viewAs,
} from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';

/** Issue 11 item 4: BF-10 "observes a lesson on the agreed date": a departure is flagged with its reason, not refused. */

const agreed = '2025-01-13'; // a Monday, a week after the case opens on 2025-01-06

function atStage1WithAgreedDate(): EngineHarness {
  const h = openBrightFutures();
  h.ok(BF.trainee, { type: 'raiseConcern', category: 'teaching', description: 'Pacing' });
  h.ok(BF.lead, { type: 'startStage', stageId: 'stage-1', reason: 'Concern raised' });
  h.ok(BF.lead, smartTarget('Plan a full week ahead'));
  h.ok(BF.lead, { type: 'setReviewDate', reviewDate: agreed }); // BF-08: the date set at the meeting
  return h;
}
const observe = (h: EngineHarness, extra: Record<string, unknown> = {}) => ({
  type: 'recordObservation',
  observationDefinitionId: 'review-observation',
  date: today(h),
  observers: [h.participantId(BF.professionalMentor)],
  notes: 'Observed Year 3 maths',
  ...extra,
});
const review = (h: EngineHarness, extra: Record<string, unknown> = {}) => ({
  type: 'recordReview',
  heldOn: today(h),
  outcomes: h.targetIds().map((targetId) => ({ targetId, met: true, evidence: 'Seen' })),
  ...extra,
});

describe('BF-10: the observation and review on the agreed date', () => {
  it('BF-10: an observation on another date is accepted and flagged, and the reason is asked for', () => {
    const h = atStage1WithAgreedDate();
    h.advanceDays(2); // Wednesday 8 January, not the agreed Monday
    expect(h.run(BF.professionalMentor, observe(h))).toBeNull();
    const observation = h.mustState().current!.observations[0]!;
    expect(observation.departure).toEqual({
      agreedDate: agreed,
      reason: null,
      rules: ['BF-08', 'BF-10'],
    });
    const [flag] = viewAs(h, BF.lead).stage!.dateDepartures!;
    expect(flag).toMatchObject({
      kind: 'observation',
      date: '2025-01-08',
      agreedDate: agreed,
      reasonWanted: true,
    });
    expect(flag?.message).toBe(
      'The observation was on 2025-01-08; the agreed date was 2025-01-13 (BF-08, BF-10). Record the reason.',
    );
  });

  it('BF-10: a review before the agreed review date is flagged with the reason given', () => {
    const h = atStage1WithAgreedDate();
    h.advanceDays(7);
    h.ok(BF.professionalMentor, observe(h)); // on the agreed date: no flag
    expect(h.mustState().current!.observations[0]).not.toHaveProperty('departure');
    h.now = new Date('2025-01-13T09:00:00Z');
    const early = { ...review(h), heldOn: '2025-01-10' };
    h.ok(BF.professionalMentor, { ...early, departureReason: 'Mentor on a course on the 13th' });
    expect(h.mustState().current!.reviews[0]!.departure).toEqual({
      agreedDate: agreed,
      reason: 'Mentor on a course on the 13th',
      rules: ['BF-08', 'BF-10'],
    });
    expect(viewAs(h, BF.lead).stage!.dateDepartures).toEqual([
      expect.objectContaining({ kind: 'review', reasonWanted: false, date: '2025-01-10' }),
    ]);
  });

  it('BF-08, BF-10: with no date agreed, the observation says so', () => {
    const h = openBrightFutures();
    h.ok(BF.trainee, { type: 'raiseConcern', category: 'teaching', description: 'Pacing' });
    h.ok(BF.lead, { type: 'startStage', stageId: 'stage-1', reason: 'Concern raised' });
    h.ok(BF.professionalMentor, observe(h));
    expect(viewAs(h, BF.lead).stage!.dateDepartures?.[0]?.message).toContain(
      'no date had been agreed',
    );
  });

  it('BF-10: on the agreed date nothing is flagged', () => {
    const h = atStage1WithAgreedDate();
    h.now = new Date(`${agreed}T10:00:00Z`);
    h.ok(BF.professionalMentor, observe(h));
    h.ok(BF.professionalMentor, review(h));
    expect(viewAs(h, BF.lead).stage!.dateDepartures).toEqual([]);
  });
});
