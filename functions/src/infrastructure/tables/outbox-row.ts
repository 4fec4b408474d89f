import type { TableEntity } from '@azure/data-tables';
import { toJson } from './canonical-json';
import type { NewEffect } from './case-store-port';
import { outboxRowKey } from './row-keys';
import { StoreInputError } from './storage-errors';

/** The pending outbox row of one effect, keyed by the seq its command reached. */
export function outboxEntity(
  providerId: string,
  caseId: string,
  seq: number,
  index: number,
  effect: NewEffect,
  commandId: string,
): TableEntity {
  const data = toJson(effect.data);
  if (data === undefined) throw new StoreInputError(`effect ${effect.kind} data is not JSON`);
  return {
    partitionKey: providerId,
    rowKey: outboxRowKey(caseId, seq, index),
    kind: effect.kind,
    data,
    status: 'pending',
    commandId,
  };
}
