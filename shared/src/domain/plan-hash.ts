import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Plan } from './state';

/** A content hash of the exact plan a signature covers (targets, details, review date). */
export function planHash(plan: Plan): string {
  const canonical = JSON.stringify({
    version: plan.version,
    overview: plan.overview,
    supportMeasures: plan.supportMeasures,
    reviewDate: plan.reviewDate,
    targets: plan.targets.map((t) => [
      t.targetId,
      t.text,
      t.actions,
      t.indicators,
      t.monitoring,
      t.successCriteria,
    ]),
  });
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
