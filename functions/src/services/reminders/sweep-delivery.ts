/**
 * Delivers what one sweep committed (ADR 0011, ADR 0015), through the outbox as the relay does:
 * each effect is claimed before it is sent, a delivery already recorded is never sent again,
 * and each result is recorded on the case (`NotificationDelivered`, `EffectFailed`) and settled
 * in the same transaction. What differs is batching:
 * - every case's notify effects share `$batch` requests of 20;
 * - a case the sweep has just committed comes with the outbox rows its commit wrote, already
 *   claimed by this run (and their ETags): no outbox query, no snapshot read, no claim round;
 * - the records of many cases of one provider go in shared transactions (`persistMany`), each
 *   settling its effect and, with its command's last effect, deleting the pending-index row.
 * A record that loses a race falls back to the relay's one-by-one path. What this step does not
 * finish (a crash, Graph refusing) stays claimed, and the relay's re-drive timer takes it over
 * once the outbox lease has passed (the pending-index row stays until then).
 */
import { deliveryEvents, type DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import type {
  CaseStore,
  StoredCase,
  WrittenEffects,
} from '../../infrastructure/tables/case-store-port';
import type { OutboxStore, PendingEffect } from '../../infrastructure/tables/outbox-store';
import { effectIdOf } from '../../infrastructure/tables/row-keys';
import type { CaseCommands, PersistItem } from '../case-service';
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
  readonly commands: Pick<CaseCommands, 'context' | 'persist' | 'persistMany'>;
  readonly store: Pick<CaseStore, 'load'>;
  readonly outbox: OutboxStore;
  readonly deliverer: Deliverer & Partial<BatchNotifier>;
  readonly clock: () => Date;
  readonly leaseMs: number;
}

/** What the sweep's own commit on a case wrote: its effects, claimed by this run. */
export interface SweepCommitted {
  /** The snapshot as the commit stored it. */
  readonly snapshot: StoredCase;
  readonly state: CaseState;
  /** The effects in the order the commit wrote them (`written.outbox` is in the same order). */
  readonly effects: readonly Effect[];
  readonly written: WrittenEffects;
}

/** A case to deliver; without `committed`, its pending effects are read from the outbox. */
export interface SweepCase {
  readonly provider: ProviderContext;
  readonly caseId: string;
  readonly committed?: SweepCommitted;
}

interface Job {
  readonly provider: ProviderContext;
  readonly caseId: string;
  readonly state: CaseState;
  readonly item: PendingEffect;
}

/** A case the sweep just committed, whose reports are recorded in one commit. */
interface Chain {
  readonly provider: ProviderContext;
  readonly caseId: string;
  readonly jobs: readonly (readonly [Job, DeliveryReport])[];
  /** Every effect of the commit was sent: the record also clears the pending-index row. */
  readonly complete: boolean;
  readonly pendingRow: string | null;
  /** The seq the sweep's commit reached (its effects' and pending-index row's). */
  readonly seq: number;
  readonly stored: StoredCase;
  readonly state: CaseState;
  /** The record lost a race (or failed): this case goes the relay's way, effect by effect. */
  alone: boolean;
}

const attemptsToRecord = 8;

function outcomeOf(report: DeliveryReport): 'delivered' | 'failed' | 'skipped' {
  if (report.kind === 'failed' || (report.kind === 'notified' && report.failed !== null))
    return 'failed';
  return report.kind === 'nothing' ? 'skipped' : 'delivered';
}

export class SweepDelivery {
  constructor(private readonly deps: SweepDeliveryDeps) {}

  /** Delivers the pending effects of these cases; answers how many effects were sent. */
  async deliver(cases: readonly SweepCase[]): Promise<number> {
    const known = cases.filter((c) => c.committed !== undefined);
    const unknown = cases.filter((c) => c.committed === undefined);
    const seqs = new Map<string, Set<number>>();
    const read = await mapLimit(unknown, 16, (c) => this.claimCase(c.provider, c.caseId, seqs));
    const claimed = [...known.flatMap((c) => this.jobsOf(c)), ...read.flat()];
    const reports = await this.send(claimed);
    const knownIds = new Set(known.map((c) => c.caseId));
    const settled = new Set<string>();
    const left: [Job, DeliveryReport][] = [];
    for (const [job, report] of reports) if (!knownIds.has(job.caseId)) left.push([job, report]);
    const byCase = new Map<string, [Job, DeliveryReport][]>();
    for (const [job, report] of reports) {
      const jobs = byCase.get(job.caseId);
      if (jobs === undefined) byCase.set(job.caseId, [[job, report]]);
      else jobs.push([job, report]);
    }
    const chains = known.map((c) => this.chainOf(c, byCase.get(c.caseId) ?? []));
    const alone = await this.recordTogether(chains, settled);
    await mapLimit([...left, ...alone], 16, async ([job, report]) => {
      await this.settle(job, report);
      settled.add(job.item.rowKey);
    });
    // A known case recorded one by one: its pending row goes once every effect of it is settled.
    await mapLimit(
      chains.filter((c) => c.alone && c.complete && c.pendingRow !== null),
      16,
      async (c) => {
        if (c.jobs.every(([job]) => settled.has(job.item.rowKey)))
          await this.deps.outbox.clearIndex(c.provider.settings.providerId, c.caseId, c.seq);
      },
    );
    await mapLimit(unknown, 16, (c) =>
      this.clearIndex(c.provider.settings.providerId, c.caseId, claimed, settled, seqs),
    );
    return reports.size;
  }

  /** The jobs of a case the sweep just committed: its rows, already claimed by this run. */
  private jobsOf(c: SweepCase): Job[] {
    const committed = c.committed;
    if (committed === undefined) return [];
    return committed.written.outbox.flatMap((row, i) => {
      const effect = committed.effects[i];
      if (effect === undefined) return [];
      const item: PendingEffect = {
        rowKey: row.rowKey,
        effectId: effectIdOf(row.rowKey),
        seq: committed.snapshot.seq,
        effect,
        etag: row.etag,
        takenOver: false,
      };
      return [{ provider: c.provider, caseId: c.caseId, state: committed.state, item }];
    });
  }

  private chainOf(c: SweepCase, jobs: readonly (readonly [Job, DeliveryReport])[]): Chain {
    const committed = c.committed as SweepCommitted;
    return {
      provider: c.provider,
      caseId: c.caseId,
      jobs,
      complete: jobs.length === committed.written.outbox.length,
      pendingRow: committed.written.pending?.rowKey ?? null,
      seq: committed.snapshot.seq,
      stored: committed.snapshot,
      state: committed.state,
      alone: false,
    };
  }

  /** Sends every job: notify effects in shared `$batch` requests, anything else one by one. */
  private async send(claimed: readonly Job[]): Promise<Map<Job, DeliveryReport>> {
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
    return reports;
  }

  /**
   * Records every chain's reports, one commit per case in shared transactions (`persistMany`):
   * the delivery events of all its sent effects, the settling of each of their outbox rows and,
   * when all were sent, the deletion of the pending-index row. Atomic, so an effect recorded is
   * an effect settled, and the relay never meets it again. The command is named after the first
   * effect (`deliver-{effectId}`), as the relay names a one-effect record. Answers the jobs left
   * to the one-by-one path (their case lost a race).
   */
  private async recordTogether(
    chains: readonly Chain[],
    settled: Set<string>,
  ): Promise<[Job, DeliveryReport][]> {
    const at = this.deps.clock();
    const round: { chain: Chain; item: PersistItem }[] = [];
    for (const chain of chains) {
      const first = chain.jobs[0]?.[0];
      if (first === undefined) continue;
      const events = chain.jobs.flatMap(([job, report]) =>
        deliveryEvents(job.item.effectId, job.item.effect.kind, report, at.toISOString()),
      );
      const settle = chain.jobs.map(([job, report]) => ({
        rowKey: job.item.rowKey,
        etag: job.item.etag,
        status: outcomeOf(report),
        at: at.toISOString(),
      }));
      const clear = chain.complete && chain.pendingRow !== null ? [chain.pendingRow] : [];
      if (events.length === 0) {
        // Nothing to record (a commit needs an event): settle each row; the index row goes after.
        const providerId = chain.provider.settings.providerId;
        await Promise.all(
          chain.jobs.map(async ([job, report]) => {
            if (await this.deps.outbox.settle(providerId, job.item, outcomeOf(report), at))
              settled.add(job.item.rowKey);
          }),
        );
        chain.alone = true;
        continue;
      }
      round.push({
        chain,
        item: {
          ctx: this.deps.commands.context(chain.provider),
          who: relayIdentity,
          stored: chain.stored,
          state: chain.state,
          events,
          effects: [],
          commandId: `deliver-${first.item.effectId}`,
          commandName: 'deliverEffect',
          options: { settle, clearPending: clear },
        },
      });
    }
    const answers =
      round.length === 0 ? [] : await this.deps.commands.persistMany(round.map((r) => r.item));
    round.forEach(({ chain }, i) => {
      const answer = answers[i];
      // Committed, or committed before (an answer lost, then re-read): recorded and settled.
      if (answer?.ok === true && answer.outcome.kind !== 'conflict')
        for (const [job] of chain.jobs) settled.add(job.item.rowKey);
      else chain.alone = true;
    });
    return chains.flatMap((c) =>
      c.alone
        ? c.jobs
            .filter(([job]) => !settled.has(job.item.rowKey))
            .map(([j, r]): [Job, DeliveryReport] => [j, r])
        : [],
    );
  }

  /** Claims the case's pending effects; those already recorded are settled, not sent again. */
  private async claimCase(
    provider: ProviderContext,
    caseId: string,
    seqs: Map<string, Set<number>>,
  ): Promise<Job[]> {
    const providerId = provider.settings.providerId;
    const now = this.deps.clock();
    const pending = await this.deps.outbox.pending(providerId, caseId, now, this.deps.leaseMs);
    if (pending.length === 0) return [];
    seqs.set(caseId, new Set(pending.map((p) => p.seq)));
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

  /**
   * Clears the pending-index rows of the case's commands none of whose effects is pending any
   * more: settled here (known without a read), or else not returned by a fresh query. A command
   * with an effect this run claimed but did not settle keeps its row, for the re-drive timer.
   */
  private async clearIndex(
    providerId: string,
    caseId: string,
    claimed: readonly Job[],
    settled: ReadonlySet<string>,
    seqs: ReadonlyMap<string, ReadonlySet<number>>,
  ): Promise<void> {
    const open = new Set(
      claimed
        .filter((j) => j.caseId === caseId && !settled.has(j.item.rowKey))
        .map((j) => j.item.seq),
    );
    const candidates = [...(seqs.get(caseId) ?? [])].filter((seq) => !open.has(seq));
    if (candidates.length === 0) return;
    const left = await this.deps.outbox.pending(
      providerId,
      caseId,
      this.deps.clock(),
      this.deps.leaseMs,
    );
    for (const seq of candidates) {
      if (!left.some((p) => p.seq === seq))
        await this.deps.outbox.clearIndex(providerId, caseId, seq);
    }
  }
}
