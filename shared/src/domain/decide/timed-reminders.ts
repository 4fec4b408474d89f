import { todayInUk } from '../../calendar';
import type { DecisionContext } from '../context';
import { dueItems } from '../due/due-items';
import { dueKey } from '../due/due-item';
import { dueTemplate } from '../due/due-kinds';
import { roleRecipients } from '../recipients';
import type { Effect } from '../effects';
import type { CaseEvent } from '../events';
import type { CaseState } from '../state';
import { decideOverdue } from './overdue';
import type { Decision } from './policy';

/**
 * The sweep's decision for one case (ADR 0011): of the index keys it claimed, those still due
 * today under the current settings are issued once each, with a neutral notification to the
 * people the item names. Overdue keys go through the overdue ladder (`decideOverdue`: the
 * highest rung reached, once). Keys no longer due (already issued, the review recorded, the case
 * closed) decide nothing, so a repeated or overlapping sweep sends nothing twice.
 */
export function decideDue(
  ctx: DecisionContext,
  state: CaseState,
  keys: readonly string[],
): Decision | null {
  const today = todayInUk(ctx.now);
  const wanted = new Set(keys);
  const due = dueItems(ctx, state).filter((i) => wanted.has(dueKey(i)) && i.dueOn <= today);
  const events: CaseEvent[] = [];
  const effects: Effect[] = [];
  for (const item of due) {
    if (item.kind === 'overdue') continue;
    const recipients = roleRecipients(state, ctx.staff, item.notify);
    events.push({
      type: 'TimedReminderIssued',
      kind: item.kind,
      occurrence: item.occurrence,
      dueOn: item.dueOn,
      recipients,
      at: ctx.now.toISOString(),
    });
    if (recipients.length > 0)
      effects.push({
        kind: 'notify',
        template: dueTemplate[item.kind],
        recipients,
        rules: item.rules,
      });
  }
  const overdue = due.some((i) => i.kind === 'overdue') ? decideOverdue(ctx, state) : null;
  if (overdue !== null) {
    events.push(...overdue.events);
    effects.push(...overdue.effects);
  }
  return events.length === 0 ? null : { events, effects };
}
