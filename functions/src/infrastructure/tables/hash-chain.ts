import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { StoredEvent } from './case-store-port';

/** The fields of an event the chain covers (everything stored except prevHash and hash). */
export type ChainedEvent = Omit<StoredEvent, 'prevHash' | 'hash'>;

/** The verdict of `verifyChain`. */
export type ChainVerdict =
  { readonly ok: true } | { readonly ok: false; readonly brokenAtSeq: number };

/** The head a snapshot row records: the chain must end exactly there. */
export interface ChainHead {
  readonly seq: number;
  readonly lastHash: string;
}

/** sha256hex(prevHash + '\n' + canonicalJson(event)). */
export function eventHash(prevHash: string, event: ChainedEvent): string {
  const { seq, type, data, actor, at, command, commandId } = event;
  const content = canonicalJson({ seq, type, data, actor, at, command, commandId });
  return createHash('sha256').update(`${prevHash}\n${content}`, 'utf8').digest('hex');
}

/** Checks a case's events (seq 1..n in order) link up, and optionally end at the snapshot's head. */
export function verifyChain(events: readonly StoredEvent[], head?: ChainHead): ChainVerdict {
  let prev = '';
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { ok: false, brokenAtSeq: expectedSeq };
    if (event.prevHash !== prev || eventHash(prev, event) !== event.hash) {
      return { ok: false, brokenAtSeq: event.seq };
    }
    prev = event.hash;
    expectedSeq += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (head !== undefined && head.seq !== lastSeq) {
    return { ok: false, brokenAtSeq: Math.min(head.seq, lastSeq) + 1 };
  }
  if (head !== undefined && head.lastHash !== prev) return { ok: false, brokenAtSeq: lastSeq };
  return { ok: true };
}
