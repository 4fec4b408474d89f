import { RestError, odata, type TableEntityResult } from '@azure/data-tables';
import type {
  CaseStore,
  CommitOutcome,
  CommitRequest,
  StoredCase,
  StoredEvent,
  SummaryColumns,
} from './case-store-port';
import { prepareCommit } from './commit-actions';
import { parseEvent } from './event-row';
import { SNAPSHOT_RANGE, assertId, caseIdOfSnapshot, eventRange, snapshotRowKey } from './row-keys';
import { parseSnapshot, type StoredSnapshot } from './snapshot-row';
import { classifyFailure, toReadError } from './storage-failures';
import { CorruptRowError, StorageRequestError, TransientStorageError } from './storage-errors';
import type { ManagedTable } from './table-clients';
import { submitGuarded } from './transaction-guard';

type Row = TableEntityResult<Record<string, unknown>>;

/** The case table on Azure Table Storage: one partition per provider, one EGT per command. */
export class TableCaseStore implements CaseStore {
  constructor(private readonly table: ManagedTable) {}

  /** One point read of the snapshot row; undefined when the case does not exist. */
  async load(providerId: string, caseId: string): Promise<StoredCase | undefined> {
    assertId('providerId', providerId);
    assertId('caseId', caseId);
    await this.table.ready();
    try {
      const row = await this.table.client.getEntity(providerId, snapshotRowKey(caseId));
      return parseSnapshot(row);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw toReadError(error, `reading case ${caseId}`);
    }
  }

  /** One entity-group transaction; on 409/412/unknown outcome, one re-read decides. */
  async commit(request: CommitRequest): Promise<CommitOutcome> {
    const earlier = request.recentCommands.find((c) => c.commandId === request.commandId);
    if (earlier !== undefined) return { kind: 'duplicate', result: earlier.result };
    const { actions, lastSeq, lastHash, recentCommands } = prepareCommit(request);
    await this.table.ready();
    try {
      const response = await submitGuarded(this.table.client, actions);
      const etag = response.subResponses[0]?.etag;
      if (etag !== undefined) {
        const { providerId, caseId, state } = request;
        const snapshot = {
          providerId,
          caseId,
          state,
          etag,
          seq: lastSeq,
          lastHash,
          recentCommands,
        };
        return { kind: 'committed', etag, seq: lastSeq, snapshot };
      }
    } catch (error) {
      return await this.afterFailedCommit(request, error);
    }
    const reread = await this.load(request.providerId, request.caseId);
    if (reread === undefined) throw new TransientStorageError('committed snapshot not readable');
    return { kind: 'committed', etag: reread.etag, seq: lastSeq, snapshot: reread };
  }

  private async afterFailedCommit(request: CommitRequest, error: unknown): Promise<CommitOutcome> {
    const failure = classifyFailure(error);
    if (failure === undefined) throw error;
    if (failure === 'rejected') {
      const status = (error as { statusCode?: number }).statusCode;
      throw new StorageRequestError(status, `commit of ${request.commandId} refused`, {
        cause: error,
      });
    }
    let current: StoredCase | undefined;
    try {
      current = await this.load(request.providerId, request.caseId);
    } catch (readError) {
      const cause = new AggregateError([error, readError], 'commit and re-read both failed');
      throw new TransientStorageError(`outcome of ${request.commandId} unknown`, { cause });
    }
    const applied = current?.recentCommands.find((c) => c.commandId === request.commandId);
    if (applied !== undefined) return { kind: 'duplicate', result: applied.result };
    if (failure === 'conflict') return { kind: 'conflict' };
    throw new TransientStorageError(`commit of ${request.commandId} did not happen`, {
      cause: error,
    });
  }

  /** Snapshot rows of one provider: a single-partition RowKey range query, every page followed. */
  async *listSnapshots(providerId: string): AsyncIterable<StoredSnapshot> {
    assertId('providerId', providerId);
    const { from, below } = SNAPSHOT_RANGE;
    for await (const row of this.range(providerId, from, below)) yield parseSnapshot(row);
  }

  /** The named summary columns of one provider's snapshot rows, without their state. */
  async *listSummaries(
    providerId: string,
    columns: readonly string[],
  ): AsyncIterable<{ readonly caseId: string; readonly summary: SummaryColumns }> {
    assertId('providerId', providerId);
    const { from, below } = SNAPSHOT_RANGE;
    for await (const row of this.range(providerId, from, below, ['RowKey', ...columns])) {
      const summary: Record<string, string | number | boolean> = {};
      for (const name of columns) {
        const value = row[name];
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          summary[name] = value;
      }
      if (row.rowKey === undefined) throw new CorruptRowError('snapshot row read without its key');
      yield { caseId: caseIdOfSnapshot(row.rowKey), summary };
    }
  }

  /** A case's audit events in seq order. */
  async events(providerId: string, caseId: string): Promise<StoredEvent[]> {
    assertId('providerId', providerId);
    assertId('caseId', caseId);
    const { from, below } = eventRange(caseId);
    const events: StoredEvent[] = [];
    for await (const row of this.range(providerId, from, below)) events.push(parseEvent(row));
    return events.sort((a, b) => a.seq - b.seq);
  }

  private async *range(
    partitionKey: string,
    from: string,
    below: string,
    select?: string[],
  ): AsyncIterable<Row> {
    await this.table.ready();
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${below}`;
    const pages = this.table.client
      .listEntities({ queryOptions: select === undefined ? { filter } : { filter, select } })
      .byPage({ maxPageSize: 1000 });
    try {
      for await (const page of pages) yield* page;
    } catch (error) {
      throw toReadError(error, `querying ${partitionKey}`);
    }
  }
}
