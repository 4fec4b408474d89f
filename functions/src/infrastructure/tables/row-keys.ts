import { StoreInputError } from './storage-errors';
import { assertValidKey } from './key-rules';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Throws unless a provider or case id can be used inside our keys (no `|`, valid key chars). */
export function assertId(kind: 'providerId' | 'caseId', id: string): void {
  if (id.includes('|')) throw new StoreInputError(`${kind} must not contain "|"`);
  assertValidKey(kind, id);
}

/** RowKey of a case's snapshot row. */
export const snapshotRowKey = (caseId: string): string => `c|${caseId}`;

/** RowKey of one audit event of a case. */
export const eventRowKey = (caseId: string, seq: number): string => `e|${caseId}|${pad(seq, 10)}`;

/** RowKey of one outbox effect written by the command that reached `seq`. */
export const outboxRowKey = (caseId: string, seq: number, index: number): string =>
  `o|${caseId}|${pad(seq, 10)}|${pad(index, 3)}`;

/** An OData RowKey range: every key starting with `prefix` (the next character after `|` is `}`). */
export function rowKeyRange(prefix: string): { readonly from: string; readonly below: string } {
  return { from: prefix, below: `${prefix.slice(0, -1)}}` };
}

/** Range of all snapshot rows in a partition. */
export const SNAPSHOT_RANGE = rowKeyRange('c|');

/** Range of one case's event rows. */
export const eventRange = (caseId: string) => rowKeyRange(`e|${caseId}|`);

/** The caseId inside a snapshot RowKey. */
export const caseIdOfSnapshot = (rowKey: string): string => rowKey.slice(2);

/** RowKey of the pending-effects index row of one command's effects (deleted once delivered). */
export const pendingRowKey = (caseId: string, seq: number): string => `p|${caseId}|${pad(seq, 10)}`;

/** Range of every pending-effects index row in a partition. */
export const PENDING_RANGE = rowKeyRange('p|');

/** A pending-effects index row: written once with its command, deleted once it is delivered. */
export const isPendingRowKey = (rowKey: string): boolean =>
  rowKey >= PENDING_RANGE.from && rowKey < PENDING_RANGE.below;

/** Range of one case's outbox rows. */
export const outboxRange = (caseId: string) => rowKeyRange(`o|${caseId}|`);

/** The effect id (`{seq:10}-{index:3}`) inside an outbox RowKey. */
export const effectIdOf = (rowKey: string): string => rowKey.split('|').slice(2).join('-');
