/**
 * Delivers what one sweep committed (ADR 0011), through the outbox exactly as the relay does:
 * each effect is claimed (If-Match) before it is sent, a delivery already recorded is never sent
 * again, and each result is recorded on the case (`NotificationDelivered`, `EffectFailed`) and
 * settled. The difference is batching: every case's notify effects share `$batch` requests of
 * 20. What this step does not finish (a crash, Graph refusing) is left pending for the relay's
 * re-drive timer, which reads the pending index.
 */
import { deliveryEvents, type DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import type { CaseStore } from '../../infrastructure/tables/case-store-port';
import type { OutboxStore, PendingEffect } from '../../infrastructure/tables/outbox-store';
import type { CaseCommands } from '../case-service';
import { relayIdentity, type Deliverer } from '../delivery/outbox-relay';
import type { ProviderContext } from '../provider-directory';
import { readState } from '../stored-state';
import { mapLimit } from './map-limit';

type NotifyEffect = Extract<Effect, { kind: 'notify' }>;

/** A deliverer that can also send many cases' notifications in shared batches. */
export interface BatchNotifier {
  notifyMany(
    entries: readonly { provider: ProviderContext; state: CaseState; effect: NotifyEffect }[],
  ): Promise<DeliveryReport[]>;
}

export interface SweepDeliveryDeps {
  readonly commands: Pick<CaseCommands, 'context' | 'persist'>;
  readonly store: Pick<CaseStore, 'load'>;
  readonly outbox: OutboxStore;
  readonly deliverer: Deliverer & Partial<BatchNotifier>;
  readonly clock: () => Date;
  readonly leaseMs: number;
}

interface Job {
  readonly provider: ProviderContext;
  readonly caseId: string;
  readonly state: CaseState;
  readonly item: PendingEffect;
}

const attemptsToRecord = 8;

function outcomeOf(report: DeliveryReport): 'delivered' | 'failed' | 'skipped' {
  if (report.kind === 'failed' || (report.kind === 'notified' && report.failed !== null))
    return 'failed';
  return report.kind === 'nothing' ? 'skipped' : 'delivered';
}

export class SweepDelivery {
  /** The pending-index seqs seen per case in this delivery, cleared once nothing is pending. */
  private readonly seqs = new Map<string, Set<number>>();

  constructor(private readonly deps: SweepDeliveryDeps) {}

  /** Delivers the pending effects of these cases; answers how many effects were settled. */
  async deliver(cases: readonly { provider: ProviderContext; caseId: string }[]): Promise<number> {
    const claimed = (await mapLimit(cases, 16, (c) => this.claimCase(c.provider, c.caseId))).flat();
    const notify = claimed.filter((j) => j.item.effect.kind === 'notify');
    const others = claimed.filter((j) => j.item.effect.kind !== 'notify');
    const reports = new Map<Job, DeliveryReport>();
    const batcher = this.deps.deliverer.notifyMany?.bind(this.deps.deliverer);
    if (batcher !== undefined && notify.length > 0) {
      // A refusal that aborts the batch leaves these claimed: the relay takes them after the lease.
      const sent = await batcher(
        notify.map((j) => ({
          provider: j.provider,
          state: j.state,
          effect: j.item.effect as NotifyEffect,
        })),
      ).catch(() => [] as DeliveryReport[]);
      notify.forEach((j, i) => {
        const report = sent[i];
        if (report !== undefined) reports.set(j, report);
      });
    }
    const single = batcher === undefined ? claimed : others;
    await mapLimit(single, 16, async (j) => {
      reports.set(j, await this.deps.deliverer.deliver(j.provider, j.state, j.item.effect));
    });
    await mapLimit([...reports], 16, ([job, report]) => this.settle(job, report));
    await mapLimit(cases, 16, (c) => this.clearIndex(c.provider.settings.providerId, c.caseId));
    return reports.size;
  }

  /** Claims the case's pending effects; those already recorded are settled, not sent again. */
  private async claimCase(provider: ProviderContext, caseId: string): Promise<Job[]> {
    const providerId = provider.settings.providerId;
    const now = this.deps.clock();
    const pending = await this.deps.outbox.pending(providerId, caseId, now, this.deps.leaseMs);
    if (pending.length === 0) return [];
    this.seqs.set(caseId, new Set(pending.map((p) => p.seq)));
    const stored = await this.deps.store.load(providerId, caseId);
    const mine = (
      await Promise.all(pending.map((p) => this.deps.outbox.claim(providerId, p, now)))
    ).filter((p): p is PendingEffect => p !== null);
    if (stored === undefined) {
      await Promise.all(mine.map((p) => this.deps.outbox.settle(providerId, p, 'skipped', now)));
      return [];
    }
    const recorded = (p: PendingEffect) =>
      stored.recentCommands.some((c) => c.commandId === `deliver-${p.effectId}`);
    await Promise.all(
      mine.filter(recorded).map((p) => this.deps.outbox.settle(providerId, p, 'delivered', now)),
    );
    const state = readState(stored.state, caseId);
    return mine.filter((p) => !recorded(p)).map((item) => ({ provider, caseId, state, item }));
  }

  /** Records the report on the case (re-reading on a lost race), then settles the effect. */
  private async settle(job: Job, report: DeliveryReport): Promise<void> {
    const providerId = job.provider.settings.providerId;
    const commandId = `deliver-${job.item.effectId}`;
    const at = this.deps.clock();
    const events = deliveryEvents(
      job.item.effectId,
      job.item.effect.kind,
      report,
      at.toISOString(),
    );
    for (let attempt = 0; events.length > 0 && attempt < attemptsToRecord; attempt += 1) {
      const stored = await this.deps.store.load(providerId, job.caseId);
      if (stored === undefined || stored.recentCommands.some((c) => c.commandId === commandId))
        break;
      const ctx = this.deps.commands.context(job.provider);
      const state = readState(stored.state, job.caseId);
      const { outcome } = await this.deps.commands.persist(
        ctx,
        relayIdentity,
        stored,
        state,
        events,
        [],
        commandId,
        'deliverEffect',
      );
      if (outcome.kind !== 'conflict') break;
    }
    await this.deps.outbox.settle(providerId, job.item, outcomeOf(report), at);
  }

  private async clearIndex(providerId: string, caseId: string): Promise<void> {
    const left = await this.deps.outbox.pending(
      providerId,
      caseId,
      this.deps.clock(),
      this.deps.leaseMs,
    );
    const seqs = this.seqs.get(caseId) ?? new Set<number>();
    this.seqs.delete(caseId);
    for (const seq of seqs) {
      if (!left.some((p) => p.seq === seq))
        await this.deps.outbox.clearIndex(providerId, caseId, seq);
    }
  }
}
