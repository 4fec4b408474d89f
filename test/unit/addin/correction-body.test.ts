import { parseCaseCommand } from '@shared/domain/commands';
import { correctionBody } from '../../../addin/src/forms/correction-spec';

const accept = (body: Record<string, unknown>) =>
  parseCaseCommand({ type: 'correctEntry', ...body });

describe('the correction form builds the correctEntry body the API accepts', () => {
  it('folds a review correction: params kind/entryId, outcomes per target', () => {
    const body = correctionBody({
      kind: 'review',
      entryId: 'review-0001',
      reason: 'Evidence for target 2 was recorded against target 1',
      heldOn: '2026-11-20',
      'met:target-0001': true,
      'evidence:target-0001': 'Planned every lesson',
      'met:target-0002': false,
      'evidence:target-0002': 'Still late to lessons',
      notes: '',
    });
    expect(body).toEqual({
      reason: 'Evidence for target 2 was recorded against target 1',
      correction: {
        kind: 'review',
        reviewId: 'review-0001',
        heldOn: '2026-11-20',
        notes: '',
        outcomes: [
          { targetId: 'target-0001', met: true, evidence: 'Planned every lesson' },
          { targetId: 'target-0002', met: false, evidence: 'Still late to lessons' },
        ],
      },
    });
    expect(accept(body)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('a duty recorded in error, a meeting not held, a final outcome without the empty reason', () => {
    const duty = correctionBody({
      kind: 'duty',
      entryId: 'evidence-gathered',
      reason: 'Not done yet',
    });
    expect(duty).toEqual({
      reason: 'Not done yet',
      correction: { kind: 'duty', dutyId: 'evidence-gathered' },
    });
    const meeting = correctionBody({
      kind: 'meeting',
      entryId: 'meeting-0001',
      reason: 'Postponed',
      held: false,
      notes: '',
    });
    const outcome = correctionBody({
      kind: 'finalOutcome',
      entryId: 'final-outcome',
      reason: 'Wrong box ticked',
      progress: 'sufficient',
      basis: null,
      notes: 'Targets met',
      reasonAgainstReview: '',
    });
    expect(outcome.correction).not.toHaveProperty('reasonAgainstReview');
    expect(outcome.correction).not.toHaveProperty('finalOutcomeId');
    for (const b of [duty, meeting, outcome])
      expect(accept(b)).toEqual(expect.objectContaining({ ok: true }));
  });
});
