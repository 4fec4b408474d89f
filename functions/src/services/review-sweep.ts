import { todayInUk } from '@shared/calendar';
import type { DecisionContext, Identity } from '@shared/domain/context';
import { reviewDueNow } from '@shared/domain/review-due';
import { decideOverdue } from '@shared/domain/decide/overdue';
import type {
  CaseStore,
  StoredCase,
  SummaryColumns,
} from '../infrastructure/tables/case-store-port';
import type { CaseCommands } from './case-service';
import type { ProviderDirectory } from './provider-directory';
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
export type SweepStore = Pick<CaseStore, 'listSummaries' | 'load'>;

/** The columns the sweep selects candidates by; only candidates are read in full. */
const candidateColumns = ['status', 'stageId', 'reviewAnchor', 'planReviewDate', 'reviewPending'];

/**
 * One case (or one provider's listing) the sweep could not process. Ids and the error's class
 * name only: never the message, which may quote stored data.
 */
export interface SweepFailure {
  readonly providerId: string;
  /** null when listing the provider's cases failed (storage unavailable): none was visited. */
  readonly caseId: string | null;
  /** The error class, e.g. `CorruptRowError`, `TransientStorageError`; `Conflict` when other writers kept winning. */
  readonly kind: string;
}

/** The outcome of one sweep. */
export interface SweepResult {
  /** Cases escalated by this run (a case another run escalated first is in neither list). */
  readonly escalated: readonly string[];
  /** Cases this run could not process; a later run retries them (the selection is state-based, I5). */
  readonly failed: readonly SweepFailure[];
}

/** A sweep left some cases unprocessed; thrown by the timer so the host's retry policy runs (I7). */
export class ReviewSweepIncompleteError extends Error {
  override readonly name = 'ReviewSweepIncompleteError';
  constructor(readonly failures: readonly SweepFailure[]) {
    super(`Review sweep could not process ${String(failures.length)} case(s)`);
  }
}

/** Attempts per case when another writer commits between our read and our write. */
const MAX_ATTEMPTS = 3;

const safeKind = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The error's class name, if it looks like one; never its message. */
function errorKind(error: unknown): string {
  return error instanceof Error && safeKind.test(error.name) ? error.name : 'UnknownError';
}

/**
 * Open, with a review due before today under the provider's current settings and calendar,
 * recounted from the summary columns without reading state (item 7). A row written before those
 * columns existed is read and decided in full.
 */
function isCandidate(ctx: DecisionContext, summary: SummaryColumns, today: string): boolean {
  if (summary.status !== 'open') return false;
  if (typeof summary.reviewPending !== 'boolean') return true;
  const text = (key: string) => (typeof summary[key] === 'string' ? summary[key] : null);
  const due = reviewDueNow(ctx, {
    stageId: text('stageId'),
    reviewAnchor: text('reviewAnchor'),
    planReviewDate: text('planReviewDate'),
    reviewPending: summary.reviewPending,
  });
  return due !== null && due < today;
}

/**
 * Finds open cases whose review is overdue and records each escalation once (idempotent: the
 * command id is the stage run and due date, and the state remembers flagged dates). Safe to run
 * twice or overlapping (the timer is at-least-once, I2). Each case is processed on its own: a
 * case that fails is reported and the sweep carries on, so one bad row cannot block the rest (I6).
 */
export class ReviewSweep {
  constructor(
    private readonly commands: SweepCommands,
    private readonly store: SweepStore,
    private readonly providers: ProviderDirectory,
    private readonly clock: () => Date,
  ) {}

  /** Runs one sweep over every provider's open cases. */
  async run(): Promise<SweepResult> {
    const escalated: string[] = [];
    const failed: SweepFailure[] = [];
    const today = todayInUk(this.clock());
    for (const provider of (await this.providers.all()).values()) {
      const providerId = provider.settings.providerId;
      try {
        const ctx = this.commands.context(provider);
        const candidates: string[] = [];
        for await (const row of this.store.listSummaries(providerId, candidateColumns)) {
          if (isCandidate(ctx, row.summary, today)) candidates.push(row.caseId);
        }
        for (const caseId of candidates) {
          try {
            const outcome = await this.escalate(ctx, providerId, caseId);
            if (outcome === 'committed') escalated.push(caseId);
            if (outcome === 'conflict') failed.push({ providerId, caseId, kind: 'Conflict' });
          } catch (error) {
            failed.push({ providerId, caseId, kind: errorKind(error) });
          }
        }
      } catch (error) {
        failed.push({ providerId, caseId: null, kind: errorKind(error) });
      }
    }
    return { escalated, failed };
  }

  /**
   * Reads one candidate, decides and persists; on a lost race, re-reads and decides again
   * (bounded). A row that cannot be read fails this case only.
   */
  private async escalate(
    ctx: DecisionContext,
    providerId: string,
    caseId: string,
  ): Promise<'committed' | 'nothing' | 'conflict'> {
    let stored: StoredCase | undefined = await this.store.load(providerId, caseId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (stored === undefined) return 'nothing';
      const state = readState(stored.state, stored.caseId);
      const decision = decideOverdue(ctx, state);
      if (decision === null) return 'nothing';
      const event = decision.events[0];
      const commandId =
        event?.type === 'ReviewOverdueFlagged'
          ? `overdue-${event.instanceId}-${event.dueDate}${event.rung === undefined ? '' : `-r${String(event.rung)}`}`
          : `overdue-${stored.caseId}`;
      const { outcome } = await this.commands.persist(
        ctx,
        timerIdentity,
        stored,
        state,
        decision.events,
        decision.effects,
        commandId,
        'reviewSweep',
      );
      if (outcome.kind === 'committed') return 'committed';
      if (outcome.kind === 'duplicate') return 'nothing';
      stored = await this.store.load(providerId, caseId);
    }
    return 'conflict';
  }
}
