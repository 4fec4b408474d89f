import type { TableEntity } from '@azure/data-tables';
import { MAX_ENTITY_BYTES, entityBytes } from './entity-size';
import { assertValidKey } from './key-rules';
import { TransactionGuardError } from './storage-errors';

/** Most UTF-16 code units one string property may hold (64 KiB). */
export const MAX_STRING_UNITS = 32_768;
/** Most properties besides PartitionKey, RowKey and Timestamp. */
export const MAX_CUSTOM_PROPERTIES = 252;

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/** Throws unless one entity fits Azure's key, property and size limits. */
export function assertValidEntity(entity: TableEntity): void {
  assertValidKey('PartitionKey', entity.partitionKey);
  assertValidKey('RowKey', entity.rowKey);
  const names = Object.keys(entity).filter((name) => name !== 'partitionKey' && name !== 'rowKey');
  if (names.length > MAX_CUSTOM_PROPERTIES) {
    throw new TransactionGuardError(
      'property-count',
      `${entity.rowKey}: ${names.length} properties`,
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
      const detail = `${entity.rowKey}.${name} has ${value.length} UTF-16 units`;
      throw new TransactionGuardError('property-size', `${detail} (max ${MAX_STRING_UNITS})`);
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
