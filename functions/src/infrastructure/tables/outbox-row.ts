import type { TableEntity } from '@azure/data-tables';
import { toJson } from './canonical-json';
import type { NewEffect } from './case-store-port';
import { outboxRowKey, pendingRowKey } from './row-keys';
import { StoreInputError } from './storage-errors';

/** The pending outbox row of one effect, keyed by the seq its command reached. */
export function outboxEntity(
  providerId: string,
  caseId: string,
  seq: number,
  index: number,
  effect: NewEffect,
  commandId: string,
  claimedAt?: string,
): TableEntity {
  const data = toJson(effect.data);
  if (data === undefined) throw new StoreInputError(`effect ${effect.kind} data is not JSON`);
  return {
    partitionKey: providerId,
    rowKey: outboxRowKey(caseId, seq, index),
    kind: effect.kind,
    data,
    commandId,
    ...(claimedAt === undefined ? { status: 'pending' } : { status: 'sending', claimedAt }),
  };
}

/**
 * The index row that lists a command's effects as pending, written in the same transaction, so
 * the re-drive timer reads only these rows, never every case (docs/data-stores.md).
 */
export function pendingIndexEntity(
  providerId: string,
  caseId: string,
  seq: number,
  writtenAt: string,
): TableEntity {
  return { partitionKey: providerId, rowKey: pendingRowKey(caseId, seq), caseId, seq, writtenAt };
}
