import type { CaseEvent } from '../domain/events';

/** Who did something: the Entra tenant and object id (names are resolved for display only). */
export interface ActorKey {
  readonly tid: string;
  readonly oid: string;
}

/** One stored event as the record reads it: the domain event with its audit envelope. */
export interface RecordedEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: ActorKey;
  readonly command: string;
  readonly event: CaseEvent;
}
