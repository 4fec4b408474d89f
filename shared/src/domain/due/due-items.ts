import type { DecisionContext } from '../context';
import { currentStage } from '../stage-lookup';
import type { CaseState } from '../state';
import type { DueItem } from './due-item';
import { dueKey } from './due-item';
import { reviewItems, windowItems } from './review-items';
import { signatureItems } from './signature-items';
import { concernItems } from './concern-items';

/**
 * Everything a case has coming due that is not yet issued (ADR 0011), under the provider's
 * settings and calendar in `ctx`; pure, so the index can be rebuilt from the state at any time.
 * A closed case has nothing due. The order is stable (by key).
 */
export function dueItems(ctx: DecisionContext, state: CaseState): DueItem[] {
  if (state.status.kind !== 'open') return [];
  const current = currentStage(ctx.definition, state);
  const items: DueItem[] = [];
  if (current.ok) {
    const { stage, instance } = current.value;
    items.push(...reviewItems(ctx, state, stage, instance));
    items.push(...windowItems(ctx, state, stage, instance));
    items.push(...signatureItems(ctx, state, stage, instance));
  }
  items.push(...concernItems(ctx, state));
  const issued = new Set(state.remindersIssued ?? []);
  return items
    .filter((item) => item.kind === 'overdue' || !issued.has(dueKey(item)))
    .sort((a, b) => (dueKey(a) < dueKey(b) ? -1 : 1));
}
