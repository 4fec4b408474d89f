import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import { toJson } from './canonical-json';
import type { NewEvent, StoredEvent } from './case-store-port';
import { eventHash } from './hash-chain';
import { eventRowKey } from './row-keys';
import { CorruptRowError } from './storage-errors';

/** Numbers the new events after `fromSeq` and links each to the previous hash. */
export function chainEvents(
  fromSeq: number,
  prevHash: string,
  events: readonly NewEvent[],
  commandId: string,
): StoredEvent[] {
  let prev = prevHash;
  return events.map((event, index) => {
    const data: unknown = JSON.parse(toJson(event.data) ?? 'null');
    const linked = { ...event, data, seq: fromSeq + index + 1, commandId };
    const hash = eventHash(prev, linked);
    const stored: StoredEvent = { ...linked, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

/** The row of one audit event. */
export function eventEntity(providerId: string, caseId: string, event: StoredEvent): TableEntity {
  return {
    partitionKey: providerId,
    rowKey: eventRowKey(caseId, event.seq),
    seq: event.seq,
    type: event.type,
    data: toJson(event.data) ?? 'null',
    actorTid: event.actor.tid,
    actorOid: event.actor.oid,
    at: event.at,
    command: event.command,
    commandId: event.commandId,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

function text(entity: Readonly<Record<string, unknown>>, name: string): string {
  const value = entity[name];
  if (typeof value !== 'string') throw new CorruptRowError(`event row lacks ${name}`);
  return value;
}

/** Reads an event row back. */
export function parseEvent(entity: TableEntityResult<Record<string, unknown>>): StoredEvent {
  const { seq } = entity;
  if (typeof seq !== 'number')
    throw new CorruptRowError(`event ${String(entity.rowKey)} lacks seq`);
  let data: unknown;
  try {
    data = JSON.parse(text(entity, 'data'));
  } catch (error) {
    throw new CorruptRowError(`event ${String(entity.rowKey)} data is not JSON`, { cause: error });
  }
  return {
    seq,
    type: text(entity, 'type'),
    data,
    actor: { tid: text(entity, 'actorTid'), oid: text(entity, 'actorOid') },
    at: text(entity, 'at'),
    command: text(entity, 'command'),
    commandId: text(entity, 'commandId'),
    prevHash: text(entity, 'prevHash'),
    hash: text(entity, 'hash'),
  };
}
