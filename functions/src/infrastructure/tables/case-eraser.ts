import { odata, type TransactionAction } from '@azure/data-tables';
import type { ManagedTable } from './table-clients';
import { assertId, rowKeyRange, snapshotRowKey } from './row-keys';

/** What survives an erasure: enough to show the case existed, how it ended and who removed it. */
export interface Tombstone {
  readonly caseId: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly outcomeId: string;
  readonly outcomeLabel: string;
  readonly erasedAt: string;
  readonly erasedByTid: string;
  readonly erasedByOid: string;
  readonly retentionYears: number;
  /** How many audit events were removed, and the chain head they ended at. */
  readonly events: number;
  readonly lastHash: string;
}

/** RowKey of a case's tombstone (outside the `c|` range, so listings never see it). */
const tombstoneRowKey = (caseId: string) => `t|${caseId}`;

/**
 * Erases a case from the `cases` table: the tombstone is written first, then the events and outbox
 * rows in entity-group batches, the snapshot last, so a run that stops half-way is finished by the
 * next one (the case is still listed until its snapshot goes).
 */
export class CaseEraser {
  constructor(private readonly table: ManagedTable) {}

  async erase(providerId: string, tombstone: Tombstone): Promise<void> {
    assertId('providerId', providerId);
    assertId('caseId', tombstone.caseId);
    await this.table.ready();
    const { client } = this.table;
    await client.upsertEntity(
      { partitionKey: providerId, rowKey: tombstoneRowKey(tombstone.caseId), ...tombstone },
      'Replace',
    );
    for (const prefix of [
      `e|${tombstone.caseId}|`,
      `o|${tombstone.caseId}|`,
      // the relay's pending-effects index rows of this case (docs/data-stores.md)
      `p|${tombstone.caseId}|`,
    ]) {
      const { from, below } = rowKeyRange(prefix);
      const filter = odata`PartitionKey eq ${providerId} and RowKey ge ${from} and RowKey lt ${below}`;
      let batch: TransactionAction[] = [];
      for await (const row of client.listEntities({
        queryOptions: { filter, select: ['RowKey'] },
      })) {
        batch.push(['delete', { partitionKey: providerId, rowKey: row.rowKey ?? '' }]);
        if (batch.length === 100) {
          await client.submitTransaction(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await client.submitTransaction(batch);
    }
    await client.deleteEntity(providerId, snapshotRowKey(tombstone.caseId));
  }

  /** The tombstones of a provider's erased cases. */
  async tombstones(providerId: string): Promise<Tombstone[]> {
    await this.table.ready();
    const { from, below } = rowKeyRange('t|');
    const filter = odata`PartitionKey eq ${providerId} and RowKey ge ${from} and RowKey lt ${below}`;
    const rows: Tombstone[] = [];
    for await (const row of this.table.client.listEntities<Tombstone>({
      queryOptions: { filter },
    })) {
      rows.push({
        caseId: row.caseId,
        openedAt: row.openedAt,
        closedAt: row.closedAt,
        outcomeId: row.outcomeId,
        outcomeLabel: row.outcomeLabel,
        erasedAt: row.erasedAt,
        erasedByTid: row.erasedByTid,
        erasedByOid: row.erasedByOid,
        retentionYears: row.retentionYears,
        events: row.events,
        lastHash: row.lastHash,
      });
    }
    return rows;
  }
}
