import type { ReadableEntry } from '@shared/record/readable-history';
import type { ChainVerification } from './chain-verification';

/** The readable history as plain text, one entry per paragraph (for bundles and exports). */
export function historyText(entries: readonly ReadableEntry[]): string {
  return entries
    .map((e) => {
      const roles = e.actor.roleLabels.length === 0 ? '' : ` (${e.actor.roleLabels.join(', ')})`;
      const rules = e.rules.length === 0 ? '' : ` [${e.rules.join(', ')}]`;
      const links = [
        ...(e.supersedes === null ? [] : [`supersedes entry ${String(e.supersedes)}`]),
        ...(e.supersededBy === null ? [] : [`superseded by entry ${String(e.supersededBy)}`]),
      ];
      const head = `${String(e.seq)}. ${e.at} ${e.actor.name}${roles}: ${e.summary}${rules}${links.length === 0 ? '' : ` (${links.join('; ')})`}`;
      return [head, ...e.changes.map((c) => `   - ${c}`)].join('\n');
    })
    .join('\n');
}

/** One line saying whether the chain verified. */
export function verificationText(v: ChainVerification): string {
  return v.status === 'intact'
    ? `Hash chain intact: ${String(v.events)} entries, last hash ${v.lastHash} (checked ${v.checkedAt}).`
    : `Hash chain BROKEN at entry ${String(v.brokenAtSeq)}: ${v.explanation} (checked ${v.checkedAt}).`;
}
