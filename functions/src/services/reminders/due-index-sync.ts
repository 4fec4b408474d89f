/**
 * Keeps the due-date index in step with each case (ADR 0011). The rows are derived from the
 * case's state by the pure `dueItems`, so they can be rebuilt at any time:
 * - after a commit that changed the due items, the application service reconciles inline
 *   (writes the new rows, removes the ones the commit ended);
 * - that commit also carried a `syncDueIndex` outbox effect, so a crash between the commit and
 *   the index write is healed by the relay (queue or re-drive timer), which re-derives the rows
 *   from the case's current state;
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

/** True when a commit changed what the case has coming due (so the index must change). */
export function dueChanged(
  ctx: DecisionContext,
  before: CaseState | null,
  after: CaseState,
): boolean {
  const a = dueRows(ctx, before).map(idOf).join('\n');
  const b = dueRows(ctx, after).map(idOf).join('\n');
  return a !== b;
}

export class DueIndexSync {
  constructor(private readonly index: DueIndexStore) {}

  /** After a commit: writes the rows the new state has, then removes the ones it no longer has. */
  async reconcile(ctx: DecisionContext, before: CaseState | null, after: CaseState) {
    const wanted = dueRows(ctx, after);
    const keep = new Set(wanted.map(idOf));
    const gone = dueRows(ctx, before).filter((row) => !keep.has(idOf(row)));
    await this.index.put(wanted);
    await this.index.remove(gone);
  }

  /** The relay's heal: (re)writes every row the case's current state has. */
  async sync(ctx: DecisionContext, state: CaseState): Promise<void> {
    await this.index.put(dueRows(ctx, state));
  }
}
