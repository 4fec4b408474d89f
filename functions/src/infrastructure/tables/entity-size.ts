import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { toJson } from './canonical-json';

/** Largest entity Azure Tables accepts. */
export const MAX_ENTITY_BYTES = 1024 * 1024;
/** Largest entity-group-transaction body Azure Tables accepts. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

const OPERATION_OVERHEAD = 600;
const BATCH_OVERHEAD = 400;
const TYPE_ANNOTATION = 40;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + 2 * value.length;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number' || value instanceof Date) return 8;
  return 4 + utf8(toJson(value) ?? '');
}

/** Azure's documented entity size: 4 + 2·len(PK+RK) + Σ(8 + 2·len(name) + value), strings UTF-16. */
export function entityBytes(entity: TableEntity): number {
  let total = 4 + 2 * (entity.partitionKey.length + entity.rowKey.length);
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'partitionKey' || name === 'rowKey' || value === null || value === undefined) {
      continue;
    }
    total += 8 + 2 * name.length + valueBytes(value);
  }
  return total;
}

/** A conservative estimate of the bytes one action adds to the multipart `$batch` body. */
export function actionWireBytes(action: TransactionAction): number {
  const entity = action[1];
  const annotated = Object.values(entity).filter((v) => typeof v === 'number' || v instanceof Date);
  const options = (action as readonly unknown[])[3] as { etag?: string } | undefined;
  return (
    OPERATION_OVERHEAD +
    3 * utf8(entity.partitionKey + entity.rowKey) +
    utf8(JSON.stringify(entity)) +
    TYPE_ANNOTATION * annotated.length +
    utf8(options?.etag ?? '')
  );
}

/** A conservative estimate of the whole `$batch` body for these actions. */
export function transactionWireBytes(actions: readonly TransactionAction[]): number {
  return actions.reduce((sum, action) => sum + actionWireBytes(action), BATCH_OVERHEAD);
}
