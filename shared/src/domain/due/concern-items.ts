import { todayInUk } from '../../calendar';
import { concernChase, courseTutorContactRules, unacknowledgedConcerns } from '../concern-contact';
import type { DecisionContext } from '../context';
import type { CaseState } from '../state';
import type { DueItem } from './due-item';

/**
 * The chase of a concern raised at the school that the course tutor has not acknowledged
 * (ME-05: "the Course Tutor must be contacted immediately"): each step of the procedure's chase
 * ladder `afterDays` working days after the concern was raised, on the provider's calendar (by
 * default the course tutor after 1, the programme lead after 2). Acknowledging the concern takes
 * every step off the index. Step 1's occurrence is the concern id (as before the ladder, so a
 * chase already sent is not sent again); later steps are `{concernId}:s{n}`.
 */
export function concernItems(ctx: DecisionContext, state: CaseState): DueItem[] {
  const ladder = concernChase(ctx.definition, ctx.settings);
  return unacknowledgedConcerns(ctx.definition, state.concerns).flatMap((c) => {
    const raisedOn = todayInUk(new Date(c.raisedAt));
    const contact = courseTutorContactRules(ctx.definition, c);
    return ladder.map((step, index) => ({
      kind: 'concern-unacknowledged' as const,
      occurrence: index === 0 ? c.concernId : `${c.concernId}:s${String(step.step)}`,
      dueOn: ctx.calendar.addDays(raisedOn, step.afterDays, 'working'),
      rules: [...new Set([...step.rules, ...contact])],
      notify: step.notify,
    }));
  });
}
