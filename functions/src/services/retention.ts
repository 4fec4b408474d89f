import type { Identity } from '@shared/domain/context';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import { defaultRetentionYears, retentionDecision } from '@shared/record/retention';
import type { CaseEraser, Tombstone } from '../infrastructure/tables/case-eraser';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { ProviderDirectory } from './provider-directory';
import type { SecurityAudit } from './security-audit';
import { readState } from './stored-state';

/** What one retention run did. */
export interface RetentionReport {
  readonly providerId: string;
  readonly retentionYears: number;
  readonly ranAt: string;
  readonly erased: readonly Tombstone[];
  readonly refused: readonly { caseId: string; reason: string; rules: readonly string[] }[];
  readonly kept: number;
}

/**
 * The retention run (UK GDPR storage limitation): every closed case of a provider past its
 * retention (`retentionYears` after closing, default 6) is erased to a tombstone, the removal is
 * audited, and a case with a lodged appeal is refused (ME-69). A Director of the provider runs it.
 */
export class RetentionRun {
  constructor(
    private readonly store: CaseStore,
    private readonly eraser: CaseEraser,
    private readonly providers: ProviderDirectory,
    private readonly audit: SecurityAudit,
    private readonly clock: () => Date,
  ) {}

  async run(who: Identity, providerId: string): Promise<Result<RetentionReport>> {
    const provider = await this.providers.get(providerId);
    if (provider === undefined || !provider.settings.tenants.includes(who.tid))
      return fail(refuse('NOT_FOUND', 'No such provider.'));
    const { settings } = provider;
    if (
      !settings.staff.some((s) => s.tid === who.tid && s.oid === who.oid && s.role === 'director')
    )
      return fail(
        refuse(
          'ROLE_NOT_ALLOWED',
          'Only a Director of the provider can run the retention erasure.',
        ),
      );
    const years = settings.retentionYears ?? defaultRetentionYears;
    const now = this.clock();
    const today = now.toISOString().slice(0, 10);
    const erased: Tombstone[] = [];
    const refused: { caseId: string; reason: string; rules: readonly string[] }[] = [];
    let kept = 0;
    const due: {
      stored: { seq: number; lastHash: string };
      state: ReturnType<typeof readState>;
    }[] = [];
    for await (const snapshot of this.store.listSnapshots(providerId)) {
      const state = readState(snapshot.state, snapshot.caseId);
      const decision = retentionDecision(state, years, today);
      if (decision.kind === 'keep') kept += 1;
      if (decision.kind === 'refused')
        refused.push({ caseId: state.caseId, reason: decision.reason, rules: decision.rules });
      if (decision.kind === 'erase') due.push({ stored: snapshot, state });
    }
    for (const { stored, state } of due) {
      if (state.status.kind !== 'closed') continue;
      const tombstone: Tombstone = {
        caseId: state.caseId,
        openedAt: state.openedAt,
        closedAt: state.status.closedAt,
        outcomeId: state.status.outcomeId,
        outcomeLabel: state.status.outcomeLabel,
        erasedAt: now.toISOString(),
        erasedByTid: who.tid,
        erasedByOid: who.oid,
        retentionYears: years,
        events: stored.seq,
        lastHash: stored.lastHash,
      };
      await this.eraser.erase(providerId, tombstone);
      await this.audit.record('case-erased', providerId, state.caseId, who, now);
      erased.push(tombstone);
    }
    return ok({
      providerId,
      retentionYears: years,
      ranAt: now.toISOString(),
      erased,
      refused,
      kept,
    });
  }
}
