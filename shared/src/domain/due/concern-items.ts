import { todayInUk } from '../../calendar';
import { courseTutorContactRules, unacknowledgedConcerns } from '../concern-contact';
import type { DecisionContext } from '../context';
import type { CaseState } from '../state';
import type { DueItem } from './due-item';

/**
 * The chase of a concern raised at the school that the course tutor has not acknowledged
 * within one working day of it being raised (ME-05: "the Course Tutor must be contacted
 * immediately"), on the provider's calendar; to the course tutor, and the programme lead where
 * they are on the case. Acknowledging the concern takes it off the index.
 */
export function concernItems(ctx: DecisionContext, state: CaseState): DueItem[] {
  return unacknowledgedConcerns(ctx.definition, state.concerns).map((c) => ({
    kind: 'concern-unacknowledged',
    occurrence: c.concernId,
    dueOn: ctx.calendar.addDays(todayInUk(new Date(c.raisedAt)), 1, 'working'),
    rules: courseTutorContactRules(ctx.definition, c),
    notify: ['courseTutor', 'programmeLead'],
  }));
}
