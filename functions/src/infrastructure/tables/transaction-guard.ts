import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import type { TableTransactionResponse } from '@azure/data-tables';
import {
  MAX_BATCH_BYTES,
  MAX_ENTITY_BYTES,
  entityBytes,
  transactionWireBytes,
} from './entity-size';
import { TransactionGuardError, UnconditionalWriteError } from './storage-errors';

/** Most actions one entity-group transaction may hold. */
export const MAX_ACTIONS = 100;
/** Most UTF-16 code units one string property may hold (64 KiB). */
export const MAX_STRING_UNITS = 32_768;
/** Most characters of a PartitionKey or RowKey (1 KiB of UTF-16; also Azurite's limit). */
export const MAX_KEY_CHARS = 512;
/** Most properties besides PartitionKey, RowKey and Timestamp. */
export const MAX_CUSTOM_PROPERTIES = 252;

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

function isForbiddenKeyChar(code: number): boolean {
  return (
    code <= 0x1f || (code >= 0x7f && code <= 0x9f) || '/\\#?'.includes(String.fromCharCode(code))
  );
}

/** Throws unless `key` is a usable PartitionKey/RowKey (non-empty, short, no / \ # ? or controls). */
export function assertValidKey(kind: string, key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_CHARS) {
    throw new TransactionGuardError('key', `${kind} must have 1..${MAX_KEY_CHARS} characters`);
  }
  for (let i = 0; i < key.length; i += 1) {
    if (isForbiddenKeyChar(key.charCodeAt(i))) {
      throw new TransactionGuardError(
        'key',
        `${kind} ${JSON.stringify(key)} has a forbidden character`,
      );
    }
  }
}

function assertConditional(action: TransactionAction): void {
  const [kind, entity] = action;
  if (kind === 'create') return;
  const options = (action as readonly unknown[])[3] as { etag?: unknown } | undefined;
  const etag = options?.etag;
  if (kind === 'update' && typeof etag === 'string' && etag.trim() !== '' && etag.trim() !== '*') {
    return;
  }
  throw new UnconditionalWriteError(
    'etag',
    `${kind} of ${entity.rowKey} would be unconditional (no ETag or "*"); only create and update with a real ETag are allowed`,
  );
}

function assertProperties(entity: TableEntity): void {
  const names = Object.keys(entity).filter((name) => name !== 'partitionKey' && name !== 'rowKey');
  if (names.length > MAX_CUSTOM_PROPERTIES) {
    throw new TransactionGuardError(
      'property-count',
      `${entity.rowKey} has ${names.length} properties`,
    );
  }
  for (const name of names) {
    const value = entity[name];
    if (!PROPERTY_NAME.test(name)) {
      throw new TransactionGuardError(
        'property-name',
        `${JSON.stringify(name)} is not a valid name`,
      );
    }
    if (typeof value === 'string' && value.length > MAX_STRING_UNITS) {
      throw new TransactionGuardError(
        'property-size',
        `${entity.rowKey}.${name} has ${value.length} UTF-16 units (max ${MAX_STRING_UNITS})`,
      );
    }
  }
  const bytes = entityBytes(entity);
  if (bytes > MAX_ENTITY_BYTES) {
    throw new TransactionGuardError(
      'entity-size',
      `${entity.rowKey} is ~${bytes} bytes (max 1 MiB)`,
    );
  }
}

/** Throws a TransactionGuardError unless `actions` obey every entity-group-transaction rule. */
export function assertValidTransaction(actions: readonly TransactionAction[]): void {
  const first = actions[0];
  if (first === undefined || actions.length > MAX_ACTIONS) {
    throw new TransactionGuardError(
      'action-count',
      `${actions.length} actions (1..${MAX_ACTIONS})`,
    );
  }
  const partitionKey = first[1].partitionKey;
  const rowKeys = new Set<string>();
  for (const action of actions) {
    const entity = action[1];
    if (entity.partitionKey !== partitionKey) {
      throw new TransactionGuardError(
        'single-partition',
        'actions target more than one PartitionKey',
      );
    }
    if (rowKeys.has(entity.rowKey)) {
      throw new TransactionGuardError('duplicate-row', `RowKey ${entity.rowKey} appears twice`);
    }
    rowKeys.add(entity.rowKey);
    assertConditional(action);
    assertValidKey('PartitionKey', entity.partitionKey);
    assertValidKey('RowKey', entity.rowKey);
    assertProperties(entity);
  }
  const bytes = transactionWireBytes(actions);
  if (bytes > MAX_BATCH_BYTES) {
    throw new TransactionGuardError('payload-size', `batch body ~${bytes} bytes (max 4 MiB)`);
  }
}

/** Checks `actions` with assertValidTransaction, then submits them as one transaction. */
export async function submitGuarded(
  client: TableClient,
  actions: readonly TransactionAction[],
): Promise<TableTransactionResponse> {
  assertValidTransaction(actions);
  return await client.submitTransaction([...actions]);
}
