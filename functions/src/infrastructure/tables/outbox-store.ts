/**
 * The outbox side of the case table: a case's pending effects in commit order, settling each
 * one (If-Match, so two relays cannot both settle it), and the pending-effects index that the
 * re-drive timer reads instead of scanning every case.
 */
import { RestError, odata } from '@azure/data-tables';
import type { Effect } from '@shared/domain/effects';
import { PENDING_RANGE, assertId, effectIdOf, outboxRange, pendingRowKey } from './row-keys';
import { toReadError } from './storage-failures';
import { CorruptRowError } from './storage-errors';
import type { ManagedTable } from './table-clients';

/** One effect waiting to be delivered. */
export interface PendingEffect {
  readonly rowKey: string;
  /** `{seq:10}-{index:3}`: stable, and the key of its delivery record on the case. */
  readonly effectId: string;
  readonly seq: number;
  readonly effect: Effect;
  readonly etag: string;
  /** Claimed before by a relay that did not settle it within the lease (it may have crashed). */
  readonly takenOver: boolean;
}

/** How an effect ended. `skipped`: nothing to send (e.g. the meeting was cancelled first). */
export type SettledStatus = 'delivered' | 'failed' | 'skipped';

function parseEffect(data: unknown, rowKey: string): Effect {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(data));
  } catch {
    parsed = undefined;
  }
  if (typeof (parsed as { kind?: unknown } | undefined)?.kind !== 'string')
    throw new CorruptRowError(`outbox row ${rowKey} has unreadable data`);
  return parsed as Effect;
}

export class OutboxStore {
  constructor(private readonly table: ManagedTable) {}

  /**
   * The case's pending effects, in the order their commands committed them: never claimed, or
   * claimed by a relay that has not settled them within `leaseMs` (it crashed).
   */
  async pending(
    providerId: string,
    caseId: string,
    now: Date,
    leaseMs: number,
  ): Promise<PendingEffect[]> {
    return (await this.unsettled(providerId, caseId, now, leaseMs)).takeable;
  }

  /**
   * Everything of the case not yet settled, in one query: the effects this relay may take
   * (`pending`'s answer) and the seqs of those another relay holds a live claim on. A command's
   * pending-index row may only go once neither list has its seq: the holder may still die, and
   * then only the index row brings its effect back to the re-drive.
   */
  async unsettled(
    providerId: string,
    caseId: string,
    now: Date,
    leaseMs: number,
  ): Promise<{ takeable: PendingEffect[]; heldSeqs: ReadonlySet<number> }> {
    assertId('providerId', providerId);
    assertId('caseId', caseId);
    const { from, below } = outboxRange(caseId);
    const expired = new Date(now.getTime() - leaseMs).toISOString();
    const filter = odata`PartitionKey eq ${providerId} and RowKey ge ${from} and RowKey lt ${below} and (status eq 'pending' or status eq 'sending')`;
    const takeable: PendingEffect[] = [];
    const heldSeqs = new Set<number>();
    await this.table.ready();
    try {
      for await (const row of this.table.client.listEntities({ queryOptions: { filter } })) {
        const rowKey = row.rowKey ?? '';
        const effectId = effectIdOf(rowKey);
        const seq = Number(effectId.split('-')[0]);
        const sending = row.status === 'sending';
        if (sending && !(String(row.claimedAt) < expired)) {
          heldSeqs.add(seq);
          continue;
        }
        takeable.push({
          rowKey,
          effectId,
          seq,
          effect: parseEffect(row.data, rowKey),
          etag: row.etag,
          takenOver: sending,
        });
      }
    } catch (error) {
      throw toReadError(error, `reading the outbox of ${caseId}`);
    }
    return { takeable: takeable.sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1)), heldSeqs };
  }

  /** Claims an effect for this relay (If-Match): the new ETag, or null when another relay got it first. */
  async claim(providerId: string, effect: PendingEffect, at: Date): Promise<PendingEffect | null> {
    const etag = await this.mergeIfUnchanged(
      providerId,
      effect,
      { status: 'sending', claimedAt: at.toISOString() },
      'claiming',
    );
    return etag === null || etag === undefined ? null : { ...effect, etag };
  }

  /**
   * Gives a claimed effect back unsent (its delivery stopped at its deadline), so the next relay
   * or the re-drive takes it at once rather than after the lease; false when it is no longer ours.
   */
  async release(providerId: string, effect: PendingEffect): Promise<boolean> {
    const fields = { status: 'pending', claimedAt: '' };
    return (await this.mergeIfUnchanged(providerId, effect, fields, 'releasing')) !== null;
  }

  /** Marks an effect settled; false when someone else settled it first (412). */
  async settle(
    providerId: string,
    effect: PendingEffect,
    status: SettledStatus,
    at: Date,
  ): Promise<boolean> {
    const fields = { status, settledAt: at.toISOString() };
    return (await this.mergeIfUnchanged(providerId, effect, fields, 'settling')) !== null;
  }

  /**
   * Merges `fields` into the effect's row if it is unchanged since `effect.etag` was read: the
   * new ETag, or null when another relay changed or removed it first (412, 404).
   */
  private async mergeIfUnchanged(
    providerId: string,
    effect: PendingEffect,
    fields: Record<string, string>,
    doing: string,
  ): Promise<string | undefined | null> {
    try {
      const response = await this.table.client.updateEntity(
        { partitionKey: providerId, rowKey: effect.rowKey, ...fields },
        'Merge',
        { etag: effect.etag },
      );
      return response.etag;
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404))
        return null;
      throw toReadError(error, `${doing} ${effect.rowKey}`);
    }
  }

  /** Removes a command's pending-index row once none of its effects is pending. */
  async clearIndex(providerId: string, caseId: string, seq: number): Promise<void> {
    try {
      await this.table.client.deleteEntity(providerId, pendingRowKey(caseId, seq));
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return;
      throw toReadError(error, `clearing the pending index of ${caseId}`);
    }
  }

  /** Cases of one provider with effects pending since before `before` (index rows only). */
  async staleCases(providerId: string, before: Date): Promise<string[]> {
    assertId('providerId', providerId);
    const { from, below } = PENDING_RANGE;
    const filter = odata`PartitionKey eq ${providerId} and RowKey ge ${from} and RowKey lt ${below} and writtenAt lt ${before.toISOString()}`;
    const cases = new Set<string>();
    await this.table.ready();
    try {
      const rows = this.table.client.listEntities({ queryOptions: { filter, select: ['caseId'] } });
      for await (const row of rows) if (typeof row.caseId === 'string') cases.add(row.caseId);
    } catch (error) {
      throw toReadError(error, `reading the pending index of ${providerId}`);
    }
    return [...cases];
  }
}
