import type { DecisionContext } from '@shared/domain/context';
import { summarise } from '@shared/domain/case-view';
import { overviewColumns, overviewRowOf } from '@shared/domain/overview/overview-row';
import { reviewDueInputs } from '@shared/domain/review-due';
import type { CaseState } from '@shared/domain/state';
import { invitationKey } from './invitation-key';
import type { SummaryColumns } from '../infrastructure/tables/case-store-port';

/** Flat columns on the snapshot row, so listings and sweeps read summaries without parsing state. */
export function summaryColumns(ctx: DecisionContext, state: CaseState): SummaryColumns {
  const view = summarise(ctx, state, {
    identity: { tid: '', oid: '', name: '' },
    roles: [],
    participantIds: [],
  });
  const keys = state.participants
    .filter((p) => p.removedAt === null && p.oid !== null)
    .map((p) => `${p.tid ?? ''}:${p.oid ?? ''}`);
  // invited people (an email, no Entra ids yet) are found by address at their first sign-in (item 9)
  const invited = state.participants
    .filter((p) => p.removedAt === null && p.oid === null && p.email !== null)
    .map((p) => invitationKey(p.email ?? ''));
  const { reviewAnchor, planReviewDate, reviewPending } = reviewDueInputs(ctx, state);
  return {
    status: state.status.kind,
    stageId: view.stageId,
    nextReviewDate: view.nextReviewDate,
    participantKeys: [...keys, ...invited].join(' '),
    procedureVersion: state.procedureVersion,
    // the window's inputs, so the sweep recounts it with today's settings (item 7)
    reviewAnchor,
    planReviewDate,
    reviewPending,
    // what the provider overview counts (school, signatures, stage runs), so it reads no state (issue 10)
    ...overviewColumns(overviewRowOf(ctx, state, view)),
  };
}
