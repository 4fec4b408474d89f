/**
 * Keeps the due-date index in step with each case (ADR 0011). The rows are derived from the
 * case's state by the pure `dueItems`, so they can be rebuilt at any time:
 * - after a commit that changed the due items, the application service writes the rows the
 *   commit added inline, before it answers (so the sweep can find them at once);
 * - that commit also carried a `syncDueIndex` outbox effect naming the rows it ended: the relay
 *   (queue or re-drive timer) removes those off the request path (a command answers after two
 *   round trips, not three), and re-derives the rows from the case's current state, which heals
 *   a crash between the commit and the inline write;
 * - a row left behind (a reconcile that died half-way, a case gone) is removed by the sweep,
 *   which re-derives before it issues anything.
 * An item already due is written to today's partition, so it never lands behind the watermark.
 */
import { todayInUk } from '@shared/calendar';
import type { DecisionContext } from '@shared/domain/context';
import { dueItems } from '@shared/domain/due/due-items';
import { dueKey } from '@shared/domain/due/due-item';
import type { CaseState } from '@shared/domain/state';
import type { DueIndexStore, DueRow } from '../../infrastructure/tables/due-index-store';

/** The index rows for a case's due items, each on its due day (today at the earliest). */
export function dueRows(ctx: DecisionContext, state: CaseState | null): DueRow[] {
  if (state === null) return [];
  const today = todayInUk(ctx.now);
  return dueItems(ctx, state).map((item) => ({
    day: item.dueOn < today ? today : item.dueOn,
    providerId: state.providerId,
    caseId: state.caseId,
    key: dueKey(item),
  }));
}

const idOf = (row: DueRow) => `${row.day}|${row.key}`;

/** What a commit changed in the case's index rows: the rows it added and the rows it ended. */
export interface DueDelta {
  readonly added: readonly DueRow[];
  readonly ended: readonly DueRow[];
}

/** The index rows a commit from `before` to `after` adds and ends (none: the index stays). */
export function dueDelta(
  ctx: DecisionContext,
  before: CaseState | null,
  after: CaseState,
): DueDelta {
  const had = dueRows(ctx, before);
  const wanted = dueRows(ctx, after);
  const hadIds = new Set(had.map(idOf));
  const keep = new Set(wanted.map(idOf));
  return {
    added: wanted.filter((row) => !hadIds.has(idOf(row))),
    ended: had.filter((row) => !keep.has(idOf(row))),
  };
}

export class DueIndexSync {
  constructor(private readonly index: DueIndexStore) {}

  /**
   * After a commit: writes the rows the commit added, then (unless `removeLater`, when the
   * commit's `syncDueIndex` effect carries them to the relay) removes the rows it ended. A row
   * left a little longer is harmless: the sweep re-derives before it issues anything.
   */
  async reconcile(delta: DueDelta, removeLater = false) {
    await this.index.put(delta.added);
    if (!removeLater) await this.index.remove(delta.ended);
  }

  /**
   * The relay's heal: (re)writes every row the case's current state has, and removes the rows a
   * commit ended that the current state does not want again.
   */
  async sync(
    ctx: DecisionContext,
    state: CaseState,
    ended: readonly { readonly day: string; readonly key: string }[] = [],
  ): Promise<void> {
    const wanted = dueRows(ctx, state);
    const keep = new Set(wanted.map(idOf));
    await this.index.put(wanted);
    await this.index.remove(
      ended
        .map((row) => ({ ...row, providerId: state.providerId, caseId: state.caseId }))
        .filter((row) => !keep.has(idOf(row))),
    );
  }
}
