import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import { toJson } from './canonical-json';
import type { AppliedCommand, StoredCase, SummaryColumns } from './case-store-port';
import { fromChunks, isChunkProperty, toChunks } from './chunked-json';
import { caseIdOfSnapshot, snapshotRowKey } from './row-keys';
import { CorruptRowError, StoreInputError } from './storage-errors';

/** How many applied commands a snapshot remembers for recognising retries. */
export const RECENT_COMMANDS_KEPT = 20;

const STATE = 'state';
const RECENT = 'recentCommands';
const FIXED = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'seq', 'lastHash']);

/** A snapshot together with its flat summary columns. */
export type StoredSnapshot = StoredCase & { readonly summary: SummaryColumns };

/** Everything written on a snapshot row. */
export interface SnapshotWrite {
  readonly providerId: string;
  readonly caseId: string;
  readonly state: unknown;
  readonly summary: SummaryColumns;
  readonly seq: number;
  readonly lastHash: string;
  readonly recentCommands: readonly AppliedCommand[];
}

/** True for names the snapshot row uses itself (and OData metadata), never summary columns. */
export function isReservedColumn(name: string): boolean {
  return (
    FIXED.has(name) ||
    name.startsWith('odata') ||
    name.includes('.') ||
    name.includes('@') ||
    isChunkProperty(STATE, name) ||
    isChunkProperty(RECENT, name)
  );
}

/** The snapshot row entity; null summary values are left out (Azure Tables stores no nulls). */
export function snapshotEntity(write: SnapshotWrite): TableEntity {
  const summary: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(write.summary)) {
    if (isReservedColumn(name)) throw new StoreInputError(`summary column "${name}" is reserved`);
    if (value !== null) summary[name] = value;
  }
  const stateJson = toJson(write.state);
  if (stateJson === undefined) throw new StoreInputError('case state is not JSON-serialisable');
  const recent = write.recentCommands.slice(-RECENT_COMMANDS_KEPT);
  return {
    partitionKey: write.providerId,
    rowKey: snapshotRowKey(write.caseId),
    ...summary,
    ...toChunks(STATE, stateJson),
    ...toChunks(RECENT, toJson(recent) ?? '[]'),
    seq: write.seq,
    lastHash: write.lastHash,
  };
}

function parseJson(text: string, what: string, rowKey: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(`${what} of ${rowKey} is not JSON`, { cause: error });
  }
}

/** Reads a snapshot row back into a StoredCase with its summary columns. */
export function parseSnapshot(entity: TableEntityResult<Record<string, unknown>>): StoredSnapshot {
  const { partitionKey, rowKey, etag, seq, lastHash } = entity;
  if (partitionKey === undefined || rowKey === undefined) {
    throw new CorruptRowError('snapshot row read without its keys');
  }
  if (typeof seq !== 'number' || typeof lastHash !== 'string') {
    throw new CorruptRowError(`snapshot ${rowKey} lacks seq or lastHash`);
  }
  const recentCommands = parseJson(fromChunks(RECENT, entity), RECENT, rowKey);
  if (!Array.isArray(recentCommands)) throw new CorruptRowError(`${RECENT} of ${rowKey}`);
  const summary: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(entity)) {
    const flat =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (flat && !isReservedColumn(name)) summary[name] = value;
  }
  return {
    providerId: partitionKey,
    caseId: caseIdOfSnapshot(rowKey),
    state: parseJson(fromChunks(STATE, entity), STATE, rowKey),
    etag,
    seq,
    lastHash,
    recentCommands: recentCommands as AppliedCommand[],
    summary,
  };
}
