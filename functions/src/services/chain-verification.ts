import type { StoredCase, StoredEvent } from '../infrastructure/tables/case-store-port';
import { verifyChain } from '../infrastructure/tables/hash-chain';

/** The server's recomputation of a case's hash chain, as the history view shows it. */
export type ChainVerification =
  | {
      readonly status: 'intact';
      readonly events: number;
      readonly lastSeq: number;
      readonly lastHash: string;
      readonly checkedAt: string;
    }
  | {
      readonly status: 'broken';
      readonly events: number;
      /** The first entry whose stored content, link or position does not match the chain. */
      readonly brokenAtSeq: number;
      readonly brokenEntry: {
        readonly seq: number;
        readonly type: string;
        readonly at: string;
      } | null;
      readonly explanation: string;
      readonly checkedAt: string;
    };

/**
 * Recomputes every event's hash from its stored content (functions/src/infrastructure/tables/
 * hash-chain.ts) and checks the chain ends at the snapshot's head, so an edited, deleted or
 * appended row is caught.
 */
export function verifyStoredChain(
  stored: StoredCase,
  events: readonly StoredEvent[],
  now: Date,
): ChainVerification {
  const verdict = verifyChain(events, { seq: stored.seq, lastHash: stored.lastHash });
  const checkedAt = now.toISOString();
  if (verdict.ok) {
    return {
      status: 'intact',
      events: events.length,
      lastSeq: stored.seq,
      lastHash: stored.lastHash,
      checkedAt,
    };
  }
  const entry = events.find((e) => e.seq === verdict.brokenAtSeq);
  return {
    status: 'broken',
    events: events.length,
    brokenAtSeq: verdict.brokenAtSeq,
    brokenEntry: entry === undefined ? null : { seq: entry.seq, type: entry.type, at: entry.at },
    explanation:
      entry === undefined
        ? `Entry ${String(verdict.brokenAtSeq)} is missing from the stored history.`
        : `Entry ${String(verdict.brokenAtSeq)} (${entry.type}) does not match the hash chain: it was changed, moved or inserted after it was written.`,
    checkedAt,
  };
}
