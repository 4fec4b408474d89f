/**
 * The outbox relay: delivers a case's pending effects in commit order, each claimed first (so
 * two relays never both send it), and records each result on the case through the command
 * side, as events (`MeetingInvitationSent`, `NotificationDelivered`, `EffectFailed`). The queue
 * handler calls `deliverCase` after each commit; the re-drive timer finds what a lost enqueue
 * left behind through the pending index.
 *
 * Each delivery carries a deadline below its claim's lease (ADR 0017), so it never outlives the
 * claim and another relay never takes over an effect still being sent. A delivery stopped at
 * its deadline records what went out and leaves the rest pending: the effect itself, released,
 * when nothing went out; otherwise a new effect for the rest, written with the record. The
 * case's later effects then wait too (they keep their order), for the re-drive.
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import { deliveryEvents } from '@shared/domain/delivery';
import type { Identity } from '@shared/domain/context';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import { Deadline, deliveryBudgetMs } from '../../infrastructure/graph/deadline';
import type {
  CaseStore,
  OutboxSettlement,
  StoredCase,
} from '../../infrastructure/tables/case-store-port';
import type { OutboxStore, PendingEffect } from '../../infrastructure/tables/outbox-store';
import type { CaseCommands } from '../case-service';
import type { ProviderContext, ProviderDirectory } from '../provider-directory';
import { readState } from '../stored-state';
import { UnfinishedDelivery } from './unfinished-delivery';

/** The relay's identity in the audit trail. */
export const relayIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-0000000de11e',
  name: 'Outbox relay',
};

/** Carries out one effect (the Graph side). */
export interface Deliverer {
  /**
   * Given a deadline, stops there (nothing is sent after it) and rejects with
   * `UnfinishedDelivery`: what went out before it, and the effect narrowed to the rest.
   */
  deliver(
    provider: ProviderContext,
    state: CaseState,
    effect: Effect,
    deadline?: Deadline,
  ): Promise<DeliveryReport>;
  /** Effects it never sends anything for (card refreshes): settled at once, without a claim. */
  sendsNothing?(effect: Effect): boolean;
}

export interface RelayDeps {
  readonly commands: Pick<CaseCommands, 'context' | 'persist'>;
  readonly store: Pick<CaseStore, 'load'>;
  readonly outbox: OutboxStore;
  readonly providers: ProviderDirectory;
  readonly deliverer: Deliverer;
  readonly clock: () => Date;
  /** How long a claimed effect may stay unsettled before another relay takes it over. */
  readonly leaseMs?: number;
  /** Kept between a delivery's deadline and the end of its lease (default 60 s, at most a fifth). */
  readonly deadlineMarginMs?: number;
}

/** What one case's delivery did. */
export interface CaseDelivery {
  readonly delivered: number;
  readonly failed: number;
  readonly skipped: number;
}

const attemptsToRecord = 8;

type Outcome = 'delivered' | 'failed' | 'skipped';

/** One effect's step: its outcome (null: not this relay's, or left for later) and the case after it. */
interface Step {
  readonly outcome: Outcome | null;
  readonly stored: StoredCase | undefined;
  /** Stopped at its deadline: the case's later effects wait, so they keep their order. */
  readonly stop?: boolean;
}

function outcomeOf(report: DeliveryReport): Outcome {
  if (report.kind === 'failed' || (report.kind === 'notified' && report.failed !== null))
    return 'failed';
  return report.kind === 'nothing' ? 'skipped' : 'delivered';
}

export class OutboxRelay {
  constructor(private readonly deps: RelayDeps) {}

  private get leaseMs(): number {
    return this.deps.leaseMs ?? 5 * 60_000;
  }

  /**
   * Delivers every pending effect of one case, in order. Table round trips: one query of the
   * pending effects and one snapshot read per message; per effect, one claim and one
   * transaction that records the delivery on the case and settles the effect together; one
   * index delete per fully settled command (and one more query when another relay held a claim).
   */
  async deliverCase(providerId: string, caseId: string): Promise<CaseDelivery> {
    const counts = { delivered: 0, failed: 0, skipped: 0 };
    const provider = await this.deps.providers.get(providerId);
    if (provider === undefined) return counts;
    const open = await this.deps.outbox.unsettled(
      providerId,
      caseId,
      this.deps.clock(),
      this.leaseMs,
    );
    const pending = open.takeable;
    if (pending.length === 0) return counts;
    let stored = await this.deps.store.load(providerId, caseId);
    const settled = new Set<string>();
    for (const item of pending) {
      const step = await this.deliverOne(provider, caseId, item, stored);
      stored = step.stored;
      if (step.outcome !== null) {
        counts[step.outcome] += 1;
        settled.add(item.rowKey);
      }
      if (step.stop === true) break;
    }
    // A command's index row goes once none of its effects is unsettled. Settled here, and none
    // held by another relay: known without a read. Otherwise one more query says what is left;
    // an effect another relay still holds keeps the row, so the re-drive finds it if that relay dies.
    const seqs = [...new Set(pending.map((p) => p.seq))];
    const mine = (seq: number) =>
      !open.heldSeqs.has(seq) && pending.every((p) => p.seq !== seq || settled.has(p.rowKey));
    const left = seqs.every(mine)
      ? null
      : await this.deps.outbox.unsettled(providerId, caseId, this.deps.clock(), this.leaseMs);
    const cleared = seqs.filter(
      (seq) =>
        mine(seq) ||
        (left !== null && !left.heldSeqs.has(seq) && !left.takeable.some((p) => p.seq === seq)),
    );
    await Promise.all(cleared.map((seq) => this.deps.outbox.clearIndex(providerId, caseId, seq)));
    return counts;
  }

  /** Re-drives every case whose effects have been pending for longer than `olderThanMs`. */
  async redrive(olderThanMs = 60_000): Promise<string[]> {
    const before = new Date(this.deps.clock().getTime() - olderThanMs);
    const driven: string[] = [];
    for (const provider of (await this.deps.providers.all()).values()) {
      const providerId = provider.settings.providerId;
      for (const caseId of await this.deps.outbox.staleCases(providerId, before)) {
        await this.deliverCase(providerId, caseId);
        driven.push(caseId);
      }
    }
    return driven;
  }

  private async deliverOne(
    provider: ProviderContext,
    caseId: string,
    item: PendingEffect,
    loaded: StoredCase | undefined,
  ): Promise<Step> {
    const providerId = provider.settings.providerId;
    // Nothing is sent, so nothing can be sent twice: one If-Match update settles it.
    if (this.deps.deliverer.sendsNothing?.(item.effect) === true) {
      const done = await this.deps.outbox.settle(providerId, item, 'skipped', this.deps.clock());
      return { outcome: done ? 'skipped' : null, stored: loaded };
    }
    // The deadline starts with the claim's lease, on the same clock. A zero lease (any claim may
    // be taken over at once, as in crash tests) protects nothing, so it sets no deadline.
    const clock = () => this.deps.clock().getTime();
    const deadline =
      this.leaseMs > 0
        ? Deadline.in(deliveryBudgetMs(this.leaseMs, this.deps.deadlineMarginMs), clock)
        : undefined;
    const claimed = await this.deps.outbox.claim(providerId, item, new Date(clock()));
    if (claimed === null) return { outcome: null, stored: loaded };
    // Taken over from a relay that may have recorded it after this message's read: read again.
    const stored = item.takenOver ? await this.deps.store.load(providerId, caseId) : loaded;
    const commandId = `deliver-${item.effectId}`;
    if (stored === undefined) {
      await this.deps.outbox.settle(providerId, claimed, 'skipped', this.deps.clock());
      return { outcome: 'skipped', stored };
    }
    // Recorded before a crash, but not settled (rows of older relays): never send it again.
    if (stored.recentCommands.some((c) => c.commandId === commandId)) {
      await this.deps.outbox.settle(providerId, claimed, 'delivered', this.deps.clock());
      return { outcome: 'delivered', stored };
    }
    let report: DeliveryReport;
    let rest: Effect[] = [];
    try {
      report = await this.deps.deliverer.deliver(
        provider,
        readState(stored.state, caseId),
        item.effect,
        deadline,
      );
    } catch (error) {
      if (!(error instanceof UnfinishedDelivery)) throw error;
      // Nothing went out: give the effect back, for the re-drive (the index row stays).
      if (error.done === null) {
        await this.deps.outbox.release(providerId, claimed);
        return { outcome: null, stored, stop: true };
      }
      report = error.done;
      rest = [error.rest];
    }
    const at = this.deps.clock();
    const events = deliveryEvents(item.effectId, item.effect.kind, report, at.toISOString());
    const outcome = outcomeOf(report);
    if (events.length === 0) {
      await this.deps.outbox.settle(providerId, claimed, outcome, at);
      return { outcome, stored };
    }
    const settlement = {
      rowKey: claimed.rowKey,
      etag: claimed.etag,
      status: outcome,
      at: at.toISOString(),
    };
    const recorded = await this.record(
      provider,
      caseId,
      stored,
      events,
      commandId,
      settlement,
      rest,
    );
    if (!recorded.settled) await this.deps.outbox.settle(providerId, claimed, outcome, at);
    return { outcome, stored: recorded.stored, stop: rest.length > 0 };
  }

  /**
   * Appends the delivery events and settles the effect in one transaction. On a lost race it
   * reads again (the events do not depend on state). When the snapshot did not change, the race
   * was lost on the settlement (another relay took the claim over): record without it. `rest`,
   * what a delivery stopped at its deadline did not send, is written as a new pending effect in
   * the same transaction, left to the re-drive (the throttling that stopped it may still be on).
   */
  private async record(
    provider: ProviderContext,
    caseId: string,
    first: StoredCase,
    events: ReturnType<typeof deliveryEvents>,
    commandId: string,
    settlement: OutboxSettlement,
    rest: readonly Effect[] = [],
  ): Promise<{ stored: StoredCase | undefined; settled: boolean }> {
    const providerId = provider.settings.providerId;
    let stored: StoredCase | undefined = first;
    let settle: OutboxSettlement[] = [settlement];
    for (let attempt = 0; attempt < attemptsToRecord; attempt += 1) {
      if (stored === undefined) return { stored, settled: false };
      if (stored.recentCommands.some((c) => c.commandId === commandId))
        return { stored, settled: false };
      const state = readState(stored.state, caseId);
      const ctx = this.deps.commands.context(provider);
      const { outcome } = await this.deps.commands.persist(
        ctx,
        relayIdentity,
        stored,
        state,
        events,
        rest,
        commandId,
        'deliverEffect',
        '',
        { settle, ...(rest.length > 0 ? { deferDelivery: true } : {}) },
      );
      if (outcome.kind === 'committed')
        return { stored: outcome.snapshot, settled: settle.length > 0 };
      const reread = await this.deps.store.load(providerId, caseId);
      if (outcome.kind === 'duplicate') return { stored: reread, settled: false };
      if (reread?.etag === stored.etag) settle = [];
      stored = reread;
    }
    throw new DeliveryRecordError(`could not record ${commandId} on ${caseId}`);
  }
}

/** The delivery happened but could not be recorded (other writers kept winning); retried later. */
export class DeliveryRecordError extends Error {
  override readonly name = 'DeliveryRecordError';
}
