import type { CaseEvent } from '@shared/domain/events';
import type { HashedEvent } from '@shared/record/readable-history';
import type { StoredEvent } from '../infrastructure/tables/case-store-port';

/**
 * Stored audit events as the record reads them. The event `data` is the domain event this
 * service wrote (the hash chain, checked separately, says whether anyone changed it since).
 */
export function recordedEvents(stored: readonly StoredEvent[]): HashedEvent[] {
  return stored.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    command: e.command,
    event: e.data as CaseEvent,
    hash: e.hash,
  }));
}
