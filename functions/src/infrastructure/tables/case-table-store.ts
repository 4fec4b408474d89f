import {
  RestError,
  odata,
  type TableEntityResult,
  type TableTransactionResponse,
  type TransactionAction,
} from '@azure/data-tables';
import type {
  CaseStore,
  CommitOutcome,
  CommitRequest,
  CommitSettled,
  StoredCase,
  StoredEvent,
  SummaryColumns,
  WrittenEffects,
} from './case-store-port';
import { prepareCommit, type PreparedCommit } from './commit-actions';
import { MAX_BATCH_BYTES, transactionWireBytes } from './entity-size';
import { parseEvent } from './event-row';
import {
  SNAPSHOT_RANGE,
  assertId,
  caseIdOfSnapshot,
  eventRange,
  outboxRowKey,
  pendingRowKey,
  snapshotRowKey,
} from './row-keys';
import { parseSnapshot, type StoredSnapshot } from './snapshot-row';
import { classifyFailure, toReadError } from './storage-failures';
import { CorruptRowError, StorageRequestError, TransientStorageError } from './storage-errors';
import type { ManagedTable } from './table-clients';
import { MAX_ACTIONS, submitGuarded } from './transaction-guard';

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * A packed transaction stays well under the 4 MiB limit: big bodies are slow to parse and were
 * dropped by Azurite under load (a case's snapshot is a few KB to a few hundred).
 */
const PACKED_BATCH_BYTES = Math.min(MAX_BATCH_BYTES, 1024 * 1024);

type Sub = TableTransactionResponse['subResponses'];

/** The committed outcome of one request whose actions start at `offset` in the transaction. */
function committedOf(
  request: CommitRequest,
  prepared: PreparedCommit,
  subs: Sub,
  offset: number,
): CommitOutcome | undefined {
  const etag = subs[offset]?.etag;
  if (etag === undefined) return undefined;
  const { providerId, caseId, state } = request;
  const { lastSeq: seq, lastHash, recentCommands } = prepared;
  const snapshot = { providerId, caseId, state, etag, seq, lastHash, recentCommands };
  const first = offset + 1 + request.events.length;
  const outbox = request.effects.map((_, index) => ({
    rowKey: outboxRowKey(caseId, seq, index),
    etag: subs[first + index]?.etag ?? '',
  }));
  const pendingEtag = subs[first + request.effects.length]?.etag ?? '';
  const written: WrittenEffects = {
    outbox,
    pending:
      request.effects.length === 0
        ? null
        : { rowKey: pendingRowKey(caseId, seq), etag: pendingEtag },
  };
  const complete = outbox.every((o) => o.etag !== '') && written.pending?.etag !== '';
  return { kind: 'committed', etag, seq, snapshot, ...(complete ? { written } : {}) };
}

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
      const prepared = { actions, lastSeq, lastHash, recentCommands };
      const committed = committedOf(request, prepared, response.subResponses, 0);
      if (committed !== undefined) return committed;
    } catch (error) {
      return await this.afterFailedCommit(request, error);
    }
    const reread = await this.load(request.providerId, request.caseId);
    if (reread === undefined) throw new TransientStorageError('committed snapshot not readable');
    return { kind: 'committed', etag: reread.etag, seq: lastSeq, snapshot: reread };
  }

  /**
   * Packs commits into as few transactions as fit (one partition each, at most 100 actions and
   * ~1 MiB, a case at most once). A packed transaction is all or nothing: when it fails (one
   * case changed meanwhile, a timeout) each of its commits is redone alone by `commit`, whose
   * re-read tells a commit that did land (duplicate) from one that did not.
   */
  async commitMany(requests: readonly CommitRequest[]): Promise<CommitSettled[]> {
    const answers: (CommitSettled | undefined)[] = requests.map(() => undefined);
    const packs: { index: number; prepared: PreparedCommit }[][] = [];
    const open = new Map<string, { index: number; prepared: PreparedCommit }[]>();
    const singles: number[] = [];
    requests.forEach((request, index) => {
      if (request.recentCommands.some((c) => c.commandId === request.commandId)) {
        singles.push(index);
        return;
      }
      let prepared: PreparedCommit;
      try {
        prepared = prepareCommit(request);
      } catch (error) {
        answers[index] = { ok: false, error };
        return;
      }
      const pack = open.get(request.providerId) ?? [];
      const actions = [...pack.flatMap((p) => p.prepared.actions), ...prepared.actions];
      const fits =
        actions.length <= MAX_ACTIONS &&
        transactionWireBytes(actions) <= PACKED_BATCH_BYTES &&
        !pack.some((p) => requests[p.index]?.caseId === request.caseId);
      if (fits) {
        pack.push({ index, prepared });
        open.set(request.providerId, pack);
        if (pack.length === 1) packs.push(pack);
      } else {
        const fresh = [{ index, prepared }];
        open.set(request.providerId, fresh);
        packs.push(fresh);
      }
    });
    const alone = async (index: number) => {
      try {
        answers[index] = { ok: true, outcome: await this.commit(requests[index] as CommitRequest) };
      } catch (error) {
        answers[index] = { ok: false, error };
      }
    };
    await Promise.all([
      ...singles.map(alone),
      ...packs.map(async (pack) => {
        if (pack.length === 1) return alone(pack[0]?.index ?? 0);
        const actions: TransactionAction[] = pack.flatMap((p) => p.prepared.actions);
        let subs: Sub | undefined;
        try {
          await this.table.ready();
          subs = (await submitGuarded(this.table.client, actions)).subResponses;
        } catch {
          subs = undefined;
        }
        let offset = 0;
        const redo: number[] = [];
        for (const { index, prepared } of pack) {
          const request = requests[index] as CommitRequest;
          const outcome =
            subs === undefined ? undefined : committedOf(request, prepared, subs, offset);
          if (outcome === undefined) redo.push(index);
          else answers[index] = { ok: true, outcome };
          offset += prepared.actions.length;
        }
        await Promise.all(redo.map(alone));
      }),
    ]);
    return answers.map(
      (a) => a ?? { ok: false, error: new TransientStorageError('not committed') },
    );
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
