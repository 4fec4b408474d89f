import type { TableClient, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import { MAX_BATCH_BYTES, transactionWireBytes } from './entity-size';
import { assertValidEntity } from './entity-rules';
import { isPendingRowKey } from './row-keys';
import { TransactionGuardError, UnconditionalWriteError } from './storage-errors';

/** Most actions one entity-group transaction may hold. */
export const MAX_ACTIONS = 100;

function assertConditional(action: TransactionAction): void {
  const [kind, entity] = action;
  if (kind === 'create') return;
  // A pending-index row is written once by its command and never changed, only deleted once
  // its effects are settled: If-Match would guard nothing (outbox clearIndex deletes it alike).
  if (kind === 'delete' && isPendingRowKey(entity.rowKey)) return;
  const options = (action as readonly unknown[])[3] as { etag?: unknown } | undefined;
  const etag = typeof options?.etag === 'string' ? options.etag.trim() : '';
  if (kind === 'update' && etag !== '' && etag !== '*') return;
  throw new UnconditionalWriteError(
    'etag',
    `${kind} of ${entity.rowKey} would be unconditional (no ETag or "*"): only create, update with a real ETag and deleting a pending-index row are allowed`,
  );
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
  const rowKeys = new Set<string>();
  for (const action of actions) {
    const entity = action[1];
    if (entity.partitionKey !== first[1].partitionKey) {
      throw new TransactionGuardError('single-partition', 'actions target several PartitionKeys');
    }
    if (rowKeys.has(entity.rowKey)) {
      throw new TransactionGuardError('duplicate-row', `RowKey ${entity.rowKey} appears twice`);
    }
    rowKeys.add(entity.rowKey);
    assertConditional(action);
    assertValidEntity(entity);
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
