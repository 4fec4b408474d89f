import type { Identity } from '@shared/domain/context';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import { defaultRetentionYears, retentionDecision } from '@shared/record/retention';
import type { CaseEraser, Tombstone } from '../infrastructure/tables/case-eraser';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { ProviderContext, ProviderDirectory } from './provider-directory';
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

/** The daily retention timer's identity in the audit trail and on tombstones. */
export const retentionTimerIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-00000000e7a5',
  name: 'Retention timer',
};

/** What the scheduled run over every provider did. */
export interface ScheduledRetention {
  readonly reports: readonly RetentionReport[];
  /** Providers whose run threw (ids and error class only: no personal data). */
  readonly failed: readonly { readonly providerId: string; readonly kind: string }[];
}

/** Some provider's scheduled retention run failed; the timer invocation fails so the host retries. */
export class RetentionRunIncompleteError extends Error {
  override readonly name = 'RetentionRunIncompleteError';
  constructor(readonly failed: ScheduledRetention['failed']) {
    super(`Retention could not run for ${String(failed.length)} provider(s)`);
  }
}

/**
 * The retention run (UK GDPR storage limitation): every closed case of a provider past its
 * retention (`retentionYears` after closing, default 6) is erased to a tombstone, the removal is
 * audited, and a case with a lodged appeal is refused (ME-69). A Director of the provider runs
 * it on demand; the daily timer runs it for every provider as `retentionTimerIdentity`.
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
    return ok(await this.erase(provider, who));
  }

  /**
   * The daily run: the same erasure for every provider, as the timer's identity. One provider
   * failing does not stop the others; the failures are reported for the timer to fail on.
   */
  async runAll(): Promise<ScheduledRetention> {
    const reports: RetentionReport[] = [];
    const failed: { providerId: string; kind: string }[] = [];
    for (const provider of (await this.providers.all()).values()) {
      try {
        reports.push(await this.erase(provider, retentionTimerIdentity));
      } catch (error) {
        failed.push({
          providerId: provider.settings.providerId,
          kind: error instanceof Error ? error.name : 'Error',
        });
      }
    }
    return { reports, failed };
  }

  /** Erases one provider's cases past retention, with `who` on the tombstones and the audit rows. */
  private async erase(provider: ProviderContext, who: Identity): Promise<RetentionReport> {
    const { settings } = provider;
    const providerId = settings.providerId;
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
    return { providerId, retentionYears: years, ranAt: now.toISOString(), erased, refused, kept };
  }
}
