/**
 * The outbox relay: delivers a case's pending effects in commit order, each claimed first (so
 * two relays never both send it), and records each result on the case through the command
 * side, as events (`MeetingInvitationSent`, `NotificationDelivered`, `EffectFailed`). The queue
 * handler calls `deliverCase` after each commit; the re-drive timer finds what a lost enqueue
 * left behind through the pending index.
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import { deliveryEvents } from '@shared/domain/delivery';
import type { Identity } from '@shared/domain/context';
import type { Effect } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';
import type { CaseStore } from '../../infrastructure/tables/case-store-port';
import type { OutboxStore, PendingEffect } from '../../infrastructure/tables/outbox-store';
import type { CaseCommands } from '../case-service';
import type { ProviderContext, ProviderDirectory } from '../provider-directory';
import { readState } from '../stored-state';

/** The relay's identity in the audit trail. */
export const relayIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-0000000de11e',
  name: 'Outbox relay',
};

/** Carries out one effect (the Graph side). */
export interface Deliverer {
  deliver(provider: ProviderContext, state: CaseState, effect: Effect): Promise<DeliveryReport>;
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
}

/** What one case's delivery did. */
export interface CaseDelivery {
  readonly delivered: number;
  readonly failed: number;
  readonly skipped: number;
}

const attemptsToRecord = 8;

function outcomeOf(report: DeliveryReport): 'delivered' | 'failed' | 'skipped' {
  if (report.kind === 'failed' || (report.kind === 'notified' && report.failed !== null))
    return 'failed';
  return report.kind === 'nothing' ? 'skipped' : 'delivered';
}

export class OutboxRelay {
  constructor(private readonly deps: RelayDeps) {}

  private get leaseMs(): number {
    return this.deps.leaseMs ?? 5 * 60_000;
  }

  /** Delivers every pending effect of one case, in order. */
  async deliverCase(providerId: string, caseId: string): Promise<CaseDelivery> {
    const counts = { delivered: 0, failed: 0, skipped: 0 };
    const provider = await this.deps.providers.get(providerId);
    if (provider === undefined) return counts;
    const pending = await this.deps.outbox.pending(
      providerId,
      caseId,
      this.deps.clock(),
      this.leaseMs,
    );
    for (const item of pending) {
      const outcome = await this.deliverOne(provider, caseId, item);
      if (outcome !== null) counts[outcome] += 1;
    }
    for (const seq of new Set(pending.map((p) => p.seq))) {
      const left = await this.deps.outbox.pending(
        providerId,
        caseId,
        this.deps.clock(),
        this.leaseMs,
      );
      if (!left.some((p) => p.seq === seq))
        await this.deps.outbox.clearIndex(providerId, caseId, seq);
    }
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
  ): Promise<'delivered' | 'failed' | 'skipped' | null> {
    const providerId = provider.settings.providerId;
    const claimed = await this.deps.outbox.claim(providerId, item, this.deps.clock());
    if (claimed === null) return null;
    const commandId = `deliver-${item.effectId}`;
    const stored = await this.deps.store.load(providerId, caseId);
    if (stored === undefined) {
      await this.deps.outbox.settle(providerId, claimed, 'skipped', this.deps.clock());
      return 'skipped';
    }
    // Recorded before a crash, but not settled: never send it again.
    if (stored.recentCommands.some((c) => c.commandId === commandId)) {
      await this.deps.outbox.settle(providerId, claimed, 'delivered', this.deps.clock());
      return 'delivered';
    }
    const report = await this.deps.deliverer.deliver(
      provider,
      readState(stored.state, caseId),
      item.effect,
    );
    const events = deliveryEvents(
      item.effectId,
      item.effect.kind,
      report,
      this.deps.clock().toISOString(),
    );
    if (events.length > 0) await this.record(provider, caseId, events, commandId);
    const outcome = outcomeOf(report);
    await this.deps.outbox.settle(providerId, claimed, outcome, this.deps.clock());
    return outcome;
  }

  /** Appends the delivery events, re-reading on a lost race (the events do not depend on state). */
  private async record(
    provider: ProviderContext,
    caseId: string,
    events: ReturnType<typeof deliveryEvents>,
    commandId: string,
  ): Promise<void> {
    const providerId = provider.settings.providerId;
    for (let attempt = 0; attempt < attemptsToRecord; attempt += 1) {
      const stored = await this.deps.store.load(providerId, caseId);
      if (stored === undefined) return;
      if (stored.recentCommands.some((c) => c.commandId === commandId)) return;
      const state = readState(stored.state, caseId);
      const ctx = this.deps.commands.context(provider);
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
      if (outcome.kind !== 'conflict') return;
    }
    throw new DeliveryRecordError(`could not record ${commandId} on ${caseId}`);
  }
}

/** The delivery happened but could not be recorded (other writers kept winning); retried later. */
export class DeliveryRecordError extends Error {
  override readonly name = 'DeliveryRecordError';
}
