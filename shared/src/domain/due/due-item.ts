import type { Role } from '../roles';
import type { DueKind } from './due-kinds';

/**
 * One reminder or chase a case has coming due (issue 9 §3, ADR 0011): what, which occurrence
 * (stable: the same reminder keeps its key however often it is derived), the UK day it falls
 * due, the rules it serves and the roles it tells.
 */
export interface DueItem {
  readonly kind: DueKind;
  /** `:`-separated ids and dates, e.g. `{instanceId}:{reviewDate}`; never contains `|`, `/`, `#`, `?`. */
  readonly occurrence: string;
  /** YYYY-MM-DD, UK. */
  readonly dueOn: string;
  readonly rules: readonly string[];
  readonly notify: readonly Role[];
}

/** The index key of an item: `{kind}:{occurrence}`. */
export function dueKey(item: Pick<DueItem, 'kind' | 'occurrence'>): string {
  return `${item.kind}:${item.occurrence}`;
}
