import { retentionDecision } from '@shared/record/retention';
import type { CaseState } from '@shared/domain/state';
import { meToStage1, openMidEssex } from '../../../support/engine-fixtures';

function closedCase(): CaseState {
  const h = openMidEssex();
  meToStage1(h);
  const state = h.mustState();
  return {
    ...state,
    status: {
      kind: 'closed',
      outcomeId: 'x',
      outcomeLabel: 'Closed',
      closedAt: '2026-03-01T10:00:00.000Z',
      notes: '',
    },
  };
}

test('GDPR retention: a closed case is kept until N years after closing, then erased', () => {
  const state = closedCase();
  expect(retentionDecision(state, 6, '2032-02-28')).toEqual({
    kind: 'keep',
    reason: 'kept until 2032-03-01',
  });
  expect(retentionDecision(state, 6, '2032-03-01')).toEqual({ kind: 'erase', dueOn: '2032-03-01' });
  expect(retentionDecision({ ...state, status: { kind: 'open' } }, 6, '2099-01-01').kind).toBe(
    'keep',
  );
});

test('ME-69: erasure is refused while an appeal is lodged and undecided', () => {
  const state = closedCase();
  const lodged: CaseState = {
    ...state,
    current: { ...state.current!, appeal: { status: 'lodged', at: '2026-02-01T00:00:00Z' } },
  };
  expect(retentionDecision(lodged, 1, '2040-01-01')).toEqual({
    kind: 'refused',
    reason: 'An appeal is lodged and not yet decided; the record is kept until it is (ME-69).',
    rules: ['ME-69'],
  });
});
