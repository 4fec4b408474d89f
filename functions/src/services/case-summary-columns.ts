import type { DecisionContext } from '@shared/domain/context';
import { summarise } from '@shared/domain/case-view';
import type { CaseState } from '@shared/domain/state';
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
  return {
    status: state.status.kind,
    stageId: view.stageId,
    nextReviewDate: view.nextReviewDate,
    participantKeys: keys.join(' '),
    procedureVersion: state.procedureVersion,
  };
}
