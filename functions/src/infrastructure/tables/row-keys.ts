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
