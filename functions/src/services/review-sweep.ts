/**
 * The timed sweep (issue 9 §3-4, ADR 0011, ADR 0015): reads the due-date index, never the cases'
 * listing. It reads today's partition and every earlier one not yet emptied (from the watermark
 * on, so a run after downtime catches up), claims each row with a conditional insert, re-derives
 * the case's due items from its state (`decideDue`: the state is the truth, the index only says
 * where to look), commits what is due as events with notify effects, and delivers every case's
 * notifications together through the outbox (`SweepDelivery`, `$batch` of 20).
 *
 * Round trips are shared across cases (ADR 0015): claims, removals and finishes go a transaction
 * per day partition and 100 rows; the commits of many cases of one provider share transactions
 * (`persistMany`), their effects written already claimed by this run; the delivery records do
 * too. Every shared transaction that fails is redone row by row or case by case, so a conflict
 * on one case costs only that case a retry. The one request left per case is its snapshot read.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, todayInUk } from '@shared/calendar';
import type { DecisionContext, Identity } from '@shared/domain/context';
import { decideDue } from '@shared/domain/decide/timed-reminders';
import type { Effect } from '@shared/domain/effects';
import type { CaseEvent } from '@shared/domain/events';
import type { CaseState } from '@shared/domain/state';
import type { CaseStore, StoredCase } from '../infrastructure/tables/case-store-port';
import type {
  ClaimOutcome,
  DueIndexStore,
  DueRow,
  HeldClaim,
} from '../infrastructure/tables/due-index-store';
import type { CaseCommands, PersistItem } from './case-service';
import type { ProviderContext, ProviderDirectory } from './provider-directory';
import { dueRows } from './reminders/due-index-sync';
import { mapLimit } from './reminders/map-limit';
import { reindexIfChanged } from './reminders/provider-reindex';
import type { SweepCase, SweepDelivery } from './reminders/sweep-delivery';
import { readState } from './stored-state';

/** The timer's identity in the audit trail. */
export const timerIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-00000000715e',
  name: 'Review timer',
};

/** What the sweep needs from the command side (a seam: tests wrap it to inject failures). */
export type SweepCommands = Pick<CaseCommands, 'context' | 'persistMany'>;

/** What the sweep needs from the case table (a seam: tests wrap it to inject failures). */
export type SweepStore = Pick<CaseStore, 'load' | 'listSummaries'>;

/** What the sweep needs from the due-date index (a seam). */
export type SweepIndex = Pick<
  DueIndexStore,
  | 'day'
  | 'claimAll'
  | 'endClaims'
  | 'release'
  | 'put'
  | 'remove'
  | 'watermark'
  | 'advance'
  | 'indexedWith'
  | 'markIndexed'
  | 'dropClaims'
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
  /** Claim rows dropped from days no sweep reads again. */
  readonly claimsDropped: number;
  /** Milliseconds per step after the read (a diagnostic for the bench). */
  readonly stepsMs?: Readonly<Record<'claim' | 'commit' | 'close' | 'deliver' | 'end', number>>;
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
  /**
   * How long the relay leaves a claimed outbox row before taking it over: a claim row is dropped
   * only once its day is this long (and the claim lease and a day) behind the watermark.
   */
  readonly outboxLeaseMs?: number;
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

/** One case's part in a run. */
interface CaseWork {
  readonly first: DueRow;
  readonly claims: readonly Claimed[];
  provider?: ProviderContext;
  ctx?: DecisionContext;
  /** Rows of the claimed keys now due on a later day (re-written there). */
  moved: readonly DueRow[];
  /** The sweep's own commit on the case, when it made one. */
  committed?: SweepCase;
  error?: unknown;
}

interface Decided {
  readonly work: CaseWork;
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
  readonly effects: readonly Effect[];
  readonly item: PersistItem;
}

export class ReviewSweep {
  constructor(private readonly deps: SweepDeps) {}

  private get leaseMs(): number {
    return this.deps.leaseMs ?? 10 * 60_000;
  }

  /** Runs one sweep over the due-date index. */
  async run(): Promise<SweepResult> {
    const now = this.deps.clock();
    const today = todayInUk(now);
    const runId = randomUUID();
    const failed: SweepFailure[] = [];
    let days: string[];
    let rows: DueRow[][];
    let watermark: string | null;
    const started = performance.now();
    try {
      for (const provider of (await this.deps.providers.all()).values()) {
        const providerId = provider.settings.providerId;
        for (const { caseId, error } of await reindexIfChanged({ ...this.deps }, provider))
          failed.push({ providerId, caseId, kind: errorKind(error) });
      }
      watermark = await this.deps.index.watermark();
      days = daysToRead(watermark, today, this.deps.lookbackDays ?? 14);
      rows = await Promise.all(days.map((d) => this.deps.index.day(d)));
    } catch (error) {
      return {
        escalated: [],
        failed: [{ providerId: '', caseId: null, kind: errorKind(error) }],
        rowsRead: 0,
        delivered: 0,
        readMs: performance.now() - started,
        claimsDropped: 0,
      };
    }
    const readMs = performance.now() - started;
    const byCase = new Map<string, DueRow[]>();
    for (const row of rows.flat()) {
      const id = `${row.providerId}|${row.caseId}`;
      byCase.set(id, [...(byCase.get(id) ?? []), row]);
    }
    const left = new Set<string>();
    let mark = performance.now();
    const lap = () => {
      const at = performance.now();
      const ms = at - mark;
      mark = at;
      return ms;
    };
    const { work, done } = await this.claim([...byCase.values()], runId, now, left, failed);
    const claim = lap();
    await this.commitAll(work);
    const commit = lap();
    await this.close(work, done, now, left, failed);
    const close = lap();
    const committed = work.flatMap((w) => (w.committed === undefined ? [] : [w.committed]));
    const delivered = await this.deliver(committed, failed);
    const deliver = lap();
    await this.advance(days, left, today, failed);
    const claimsDropped = await this.dropClaims(watermark, now, failed);
    const stepsMs = { claim, commit, close, deliver, end: lap() };
    return {
      escalated: committed.map((c) => c.caseId),
      failed,
      rowsRead: rows.flat().length,
      delivered,
      readMs,
      claimsDropped,
      stepsMs,
    };
  }

  /**
   * Claims every row (shared transactions per day partition): answers the cases with at least
   * one claim, and the rows whose claim says another sweep already issued them (to remove).
   * Days with rows held by a live sweep stay unemptied.
   */
  private async claim(
    cases: readonly (readonly DueRow[])[],
    runId: string,
    now: Date,
    left: Set<string>,
    failed: SweepFailure[],
  ): Promise<{ work: CaseWork[]; done: DueRow[] }> {
    const rows = cases.flat();
    let outcomes: ClaimOutcome[];
    try {
      outcomes = await this.deps.index.claimAll(rows, runId, now, this.leaseMs);
    } catch (error) {
      for (const caseRows of cases) {
        const first = caseRows[0] as DueRow;
        failed.push({ providerId: first.providerId, caseId: first.caseId, kind: errorKind(error) });
      }
      for (const row of rows) left.add(row.day);
      return { work: [], done: [] };
    }
    const outcome = new Map(rows.map((row, i) => [row, outcomes[i]]));
    const work: CaseWork[] = [];
    const done: DueRow[] = [];
    for (const caseRows of cases) {
      const claims: Claimed[] = [];
      for (const row of caseRows) {
        const got = outcome.get(row);
        if (got?.kind === 'claimed') claims.push({ row, etag: got.etag });
        else if (got?.kind === 'done') done.push(row);
        else left.add(row.day);
      }
      if (claims.length > 0) work.push({ first: caseRows[0] as DueRow, claims, moved: [] });
    }
    return { work, done };
  }

  /**
   * Reads each claimed case, decides on its state and commits what is due, the commits of many
   * cases sharing transactions; a case another writer changed meanwhile is read and decided
   * again (bounded), alone.
   */
  private async commitAll(work: readonly CaseWork[]): Promise<void> {
    for (const w of work) {
      try {
        w.provider = await this.deps.providers.get(w.first.providerId);
        if (w.provider !== undefined) w.ctx = this.deps.commands.context(w.provider);
      } catch (error) {
        w.error = error;
      }
    }
    let round = work.filter((w) => w.ctx !== undefined && w.error === undefined);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && round.length > 0; attempt += 1) {
      const decided = (
        await mapLimit(round, this.deps.concurrency ?? 16, (w) => this.decide(w))
      ).filter((d): d is Decided => d !== null);
      let answers: Awaited<ReturnType<SweepCommands['persistMany']>>;
      try {
        answers = await this.deps.commands.persistMany(decided.map((d) => d.item));
      } catch (error) {
        answers = decided.map(() => ({ ok: false, error }));
      }
      round = [];
      decided.forEach((d, i) => {
        const answer = answers[i];
        if (answer === undefined || !answer.ok) {
          d.work.error = answer?.error ?? new SweepConflictError('no answer');
          return;
        }
        const { outcome } = answer;
        if (outcome.kind === 'conflict') round.push(d.work);
        else if (outcome.kind === 'committed')
          d.work.committed = {
            provider: d.work.provider as ProviderContext,
            caseId: d.work.first.caseId,
            ...(outcome.written === undefined || this.deps.delivery === undefined
              ? {}
              : {
                  committed: {
                    snapshot: outcome.snapshot,
                    state: answer.next,
                    effects: d.effects,
                    written: outcome.written,
                  },
                }),
          };
      });
    }
    for (const w of round)
      w.error = new SweepConflictError(`other writers kept winning on ${w.first.caseId}`);
  }

  /** Reads the case and decides on its claimed keys: null when there is nothing to commit. */
  private async decide(w: CaseWork): Promise<Decided | null> {
    const ctx = w.ctx as DecisionContext;
    const keys = w.claims.map((c) => c.row.key);
    let stored: StoredCase | undefined;
    let state: CaseState;
    try {
      stored = await this.deps.store.load(w.first.providerId, w.first.caseId);
      if (stored === undefined) {
        w.moved = [];
        return null;
      }
      state = readState(stored.state, stored.caseId);
    } catch (error) {
      w.error = error;
      return null;
    }
    const decision = decideDue(ctx, state, keys);
    w.moved = dueRows(ctx, state).filter((r) => keys.includes(r.key) && r.day > todayInUk(ctx.now));
    if (decision === null) return null;
    const deliver = this.deps.delivery !== undefined;
    const item: PersistItem = {
      ctx,
      who: timerIdentity,
      stored,
      state,
      events: decision.events,
      effects: decision.effects,
      commandId: `due-${stored.caseId}-${String(stored.seq)}`,
      commandName: 'reviewSweep',
      options: { deferDelivery: deliver, skipDueIndex: true, claimEffects: deliver },
    };
    return { work: w, state, events: decision.events, effects: decision.effects, item };
  }

  /**
   * Ends the run's claims: the rows of cases done with are removed (those due later re-written
   * on their new day first) and their claims finished, in shared transactions; a failed case's
   * claims are released, so the next run retries it at once (a sweep that dies instead leaves
   * them to the lease).
   */
  private async close(
    work: readonly CaseWork[],
    done: readonly DueRow[],
    now: Date,
    left: Set<string>,
    failed: SweepFailure[],
  ): Promise<void> {
    const ok = work.filter((w) => w.error === undefined);
    for (const w of work) {
      if (w.error === undefined) continue;
      const kind = errorKind(w.error);
      const { providerId, caseId } = w.first;
      if (!failed.some((f) => f.caseId === caseId && f.kind === kind))
        failed.push({ providerId, caseId, kind });
      for (const c of w.claims) left.add(c.row.day);
    }
    await Promise.all(
      work
        .filter((w) => w.error !== undefined)
        .flatMap((w) => w.claims.map((c) => this.deps.index.release(c.row, c.etag))),
    ).catch(() => undefined);
    const moved = ok.flatMap((w) => w.moved);
    const later = new Set(moved.map((r) => `${r.providerId}|${r.caseId}|${r.key}`));
    const held: HeldClaim[] = ok.flatMap((w) =>
      w.claims.map((c) => ({
        ...c,
        release: later.has(`${c.row.providerId}|${c.row.caseId}|${c.row.key}`),
      })),
    );
    try {
      await this.deps.index.put(moved);
      await this.deps.index.remove([...done, ...held.map((c) => c.row)]);
      await this.deps.index.endClaims(held, now);
    } catch (error) {
      // The rows stay: the next run finds each case's reminders issued and removes them.
      failed.push({ providerId: '', caseId: null, kind: errorKind(error) });
      for (const row of [...done, ...held.map((c) => c.row)]) left.add(row.day);
    }
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

  /**
   * Drops claim rows that can no longer matter (ADR 0015). A day at or before the watermark is
   * never read again by a sweep that starts now; one that started earlier may still hold its
   * rows, but not beyond the claim lease (after which its claims are taken over anyway). So a
   * run notes the watermark it saw and when, and a run more than the lease (and the outbox
   * lease) later drops the claim partitions through that noted day.
   */
  private async dropClaims(
    watermark: string | null,
    now: Date,
    failed: SweepFailure[],
  ): Promise<number> {
    if (watermark === null) return 0;
    try {
      return await this.deps.index.dropClaims(
        watermark,
        now,
        this.leaseMs + (this.deps.outboxLeaseMs ?? 0),
      );
    } catch (error) {
      failed.push({ providerId: '', caseId: null, kind: errorKind(error) });
      return 0;
    }
  }

  private async deliver(cases: readonly SweepCase[], failed: SweepFailure[]) {
    if (this.deps.delivery === undefined || cases.length === 0) return 0;
    try {
      return await this.deps.delivery.deliver(cases);
    } catch (error) {
      // Committed and claimed in the outbox: the relay's re-drive timer delivers them.
      failed.push({ providerId: '', caseId: null, kind: errorKind(error) });
      return 0;
    }
  }
}

/** Other writers kept winning the race for one case; its rows stay for the next run. */
class SweepConflictError extends Error {
  override readonly name = 'Conflict';
}
