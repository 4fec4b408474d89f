/**
 * The timed sweep (issue 9 §3-4, ADR 0011): reads the due-date index, never the cases' listing.
 * It reads today's partition and every earlier one not yet emptied (from the watermark on, so a
 * run after downtime catches up), claims each row with a conditional insert, re-derives the case's
 * due items from its state (`decideDue`: the state is the truth, the index only says where to
 * look), commits what is due as events with notify effects (one commit per case), and delivers
 * every case's notifications together through the outbox (`SweepDelivery`, `$batch` of 20).
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, todayInUk } from '@shared/calendar';
import type { DecisionContext, Identity } from '@shared/domain/context';
import { decideDue } from '@shared/domain/decide/timed-reminders';
import type { CaseStore, StoredCase } from '../infrastructure/tables/case-store-port';
import type { DueIndexStore, DueRow } from '../infrastructure/tables/due-index-store';
import type { CaseCommands } from './case-service';
import type { ProviderContext, ProviderDirectory } from './provider-directory';
import { dueRows } from './reminders/due-index-sync';
import { mapLimit } from './reminders/map-limit';
import { reindexIfChanged } from './reminders/provider-reindex';
import type { SweepDelivery } from './reminders/sweep-delivery';
import { readState } from './stored-state';

/** The timer's identity in the audit trail. */
export const timerIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-00000000715e',
  name: 'Review timer',
};

/** What the sweep needs from the command side (a seam: tests wrap it to inject failures). */
export type SweepCommands = Pick<CaseCommands, 'context' | 'persist'>;

/** What the sweep needs from the case table (a seam: tests wrap it to inject failures). */
export type SweepStore = Pick<CaseStore, 'load' | 'listSummaries'>;

/** What the sweep needs from the due-date index (a seam). */
export type SweepIndex = Pick<
  DueIndexStore,
  | 'day'
  | 'claim'
  | 'finish'
  | 'release'
  | 'put'
  | 'remove'
  | 'watermark'
  | 'advance'
  | 'indexedWith'
  | 'markIndexed'
>;

/** One case the sweep could not process: ids and the error's class name only, never its message. */
export interface SweepFailure {
  readonly providerId: string;
  /** null when reading the index failed: no case was visited. */
  readonly caseId: string | null;
  /** The error class, e.g. `TransientStorageError`; `Conflict` when other writers kept winning. */
  readonly kind: string;
}

/** The outcome of one sweep. */
export interface SweepResult {
  /** Cases this run committed reminders or escalations on. */
  readonly escalated: readonly string[];
  /** Cases this run could not process; their rows stay, so a later run retries them. */
  readonly failed: readonly SweepFailure[];
  /** Index rows read (today's partition and the earlier ones not yet emptied). */
  readonly rowsRead: number;
  /** Outbox effects this run delivered and settled. */
  readonly delivered: number;
  /** Milliseconds spent finding what is due (marks, watermark, partitions): a diagnostic. */
  readonly readMs: number;
}

/** A sweep left some cases unprocessed; thrown by the timer so the host's retry policy runs (I7). */
export class ReviewSweepIncompleteError extends Error {
  override readonly name = 'ReviewSweepIncompleteError';
  constructor(readonly failures: readonly SweepFailure[]) {
    super(`Review sweep could not process ${String(failures.length)} case(s)`);
  }
}

export interface SweepDeps {
  readonly commands: SweepCommands;
  readonly store: SweepStore;
  readonly index: SweepIndex;
  readonly providers: Pick<ProviderDirectory, 'get' | 'all'>;
  readonly clock: () => Date;
  /** Delivers what the sweep committed (absent: the queue/re-drive relay delivers it). */
  readonly delivery?: Pick<SweepDelivery, 'deliver'>;
  /** How long a claim holds before another sweep may take it over (a sweep that died). */
  readonly leaseMs?: number;
  /** How many days back a first run (no watermark) reads. */
  readonly lookbackDays?: number;
  /** Cases processed at once. */
  readonly concurrency?: number;
}

/** Attempts per case when another writer commits between our read and our write. */
const MAX_ATTEMPTS = 3;
const safeKind = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const errorKind = (error: unknown) =>
  error instanceof Error && safeKind.test(error.name) ? error.name : 'UnknownError';

/** The days a sweep on `today` reads: after the watermark (or the lookback) through today. */
function daysToRead(watermark: string | null, today: string, lookbackDays: number) {
  const first =
    watermark === null ? addCalendarDays(today, -lookbackDays) : addCalendarDays(watermark, 1);
  const days: string[] = [];
  for (let d = first; d <= today; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

type Claimed = { readonly row: DueRow; readonly etag: string };

export class ReviewSweep {
  constructor(private readonly deps: SweepDeps) {}

  /** Runs one sweep over the due-date index. */
  async run(): Promise<SweepResult> {
    const now = this.deps.clock();
    const today = todayInUk(now);
    const runId = randomUUID();
    const failed: SweepFailure[] = [];
    let days: string[];
    let rows: DueRow[][];
    const started = performance.now();
    try {
      for (const provider of (await this.deps.providers.all()).values()) {
        const providerId = provider.settings.providerId;
        for (const { caseId, error } of await reindexIfChanged({ ...this.deps }, provider))
          failed.push({ providerId, caseId, kind: errorKind(error) });
      }
      days = daysToRead(await this.deps.index.watermark(), today, this.deps.lookbackDays ?? 14);
      rows = await Promise.all(days.map((d) => this.deps.index.day(d)));
    } catch (error) {
      return {
        escalated: [],
        failed: [{ providerId: '', caseId: null, kind: errorKind(error) }],
        rowsRead: 0,
        delivered: 0,
        readMs: performance.now() - started,
      };
    }
    const readMs = performance.now() - started;
    const byCase = new Map<string, DueRow[]>();
    for (const row of rows.flat()) {
      const id = `${row.providerId}|${row.caseId}`;
      byCase.set(id, [...(byCase.get(id) ?? []), row]);
    }
    const escalated: { provider: ProviderContext; caseId: string }[] = [];
    const left = new Set<string>();
    await mapLimit([...byCase.values()], this.deps.concurrency ?? 16, async (caseRows) => {
      const first = caseRows[0] as DueRow;
      try {
        const outcome = await this.processCase(caseRows, runId, now);
        if (outcome.committed !== null)
          escalated.push({ provider: outcome.committed, caseId: first.caseId });
        for (const day of outcome.left) left.add(day);
      } catch (error) {
        const kind = errorKind(error);
        const known = failed.some((f) => f.caseId === first.caseId && f.kind === kind);
        if (!known) failed.push({ providerId: first.providerId, caseId: first.caseId, kind });
        for (const row of caseRows) left.add(row.day);
      }
    });
    const delivered = await this.deliver(escalated, failed);
    await this.advance(days, left, today, failed);
    return {
      escalated: escalated.map((e) => e.caseId),
      failed,
      rowsRead: rows.flat().length,
      delivered,
      readMs,
    };
  }

  /** The watermark moves past every day before yesterday whose partition is now empty. */
  private async advance(
    days: readonly string[],
    left: Set<string>,
    today: string,
    failed: SweepFailure[],
  ) {
    const yesterday = addCalendarDays(today, -1);
    let through: string | null = null;
    for (const day of days) {
      if (day >= yesterday || left.has(day)) break;
      through = day;
    }
    if (through === null) return;
    try {
      await this.deps.index.advance(through);
    } catch (error) {
      failed.push({ providerId: '', caseId: null, kind: errorKind(error) });
    }
  }

  private async deliver(
    cases: { provider: ProviderContext; caseId: string }[],
    failed: SweepFailure[],
  ) {
    if (this.deps.delivery === undefined || cases.length === 0) return 0;
    try {
      return await this.deps.delivery.deliver(cases);
    } catch (error) {
      // Committed and pending in the outbox: the relay's re-drive timer delivers them.
      failed.push({ providerId: '', caseId: null, kind: errorKind(error) });
      return 0;
    }
  }

  /**
   * Claims one case's rows, decides on its state and commits once; rows whose item is issued,
   * gone or not due yet are removed (moved to their new day), claims finished. Answers the
   * provider when a commit was made, and the days whose rows stay (held by another sweep).
   */
  private async processCase(caseRows: readonly DueRow[], runId: string, now: Date) {
    const first = caseRows[0] as DueRow;
    const left = new Set<string>();
    const claims: Claimed[] = [];
    for (const row of caseRows) {
      const claim = await this.deps.index.claim(row, runId, now, this.deps.leaseMs ?? 10 * 60_000);
      if (claim.kind === 'claimed') claims.push({ row, etag: claim.etag });
      else if (claim.kind === 'done') await this.deps.index.remove([row]);
      else left.add(row.day);
    }
    if (claims.length === 0) return { committed: null, left };
    try {
      const provider = await this.deps.providers.get(first.providerId);
      if (provider === undefined) {
        await this.close(claims, [], now);
        return { committed: null, left };
      }
      const ctx = this.deps.commands.context(provider);
      const keys = claims.map((c) => c.row.key);
      const committed = await this.commit(ctx, first, keys);
      await this.close(claims, committed.moved, now);
      return { committed: committed.did ? provider : null, left };
    } catch (error) {
      // Let the next run retry at once (a sweep that dies instead leaves them to the lease).
      await Promise.all(claims.map((c) => this.deps.index.release(c.row, c.etag))).catch(
        () => undefined,
      );
      throw error;
    }
  }

  /** Decides and persists on the case; on a lost race re-reads and decides again (bounded). */
  private async commit(ctx: DecisionContext, row: DueRow, keys: readonly string[]) {
    let stored: StoredCase | undefined = await this.deps.store.load(row.providerId, row.caseId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (stored === undefined) return { did: false, moved: [] };
      const state = readState(stored.state, stored.caseId);
      const decision = decideDue(ctx, state, keys);
      const later = dueRows(ctx, state).filter(
        (r) => keys.includes(r.key) && r.day > todayInUk(ctx.now),
      );
      if (decision === null) return { did: false, moved: later };
      const { outcome } = await this.deps.commands.persist(
        ctx,
        timerIdentity,
        stored,
        state,
        decision.events,
        decision.effects,
        `due-${stored.caseId}-${String(stored.seq)}`,
        'reviewSweep',
        '',
        { deferDelivery: this.deps.delivery !== undefined, skipDueIndex: true },
      );
      if (outcome.kind !== 'conflict') return { did: outcome.kind === 'committed', moved: later };
      stored = await this.deps.store.load(row.providerId, row.caseId);
    }
    throw new SweepConflictError(`other writers kept winning on ${row.caseId}`);
  }

  /** Removes the claimed rows (re-writing those due later on their new day) and ends the claims. */
  private async close(claims: readonly Claimed[], moved: readonly DueRow[], now: Date) {
    await this.deps.index.put(moved);
    await this.deps.index.remove(claims.map((c) => c.row));
    const later = new Set(moved.map((r) => r.key));
    await Promise.all(
      claims.map((c) =>
        later.has(c.row.key)
          ? this.deps.index.release(c.row, c.etag)
          : this.deps.index.finish(c.row, c.etag, now),
      ),
    );
  }
}

/** Other writers kept winning the race for one case; its rows stay for the next run. */
class SweepConflictError extends Error {
  override readonly name = 'Conflict';
}
