import type { ProcedureDefinition } from '../procedures/schema';
import type { Concern } from './state';

/**
 * True when the procedure says this concern's raiser must contact the course tutor at once
 * (ME-05: a concern raised by school colleagues between visits); such a concern waits for the
 * course tutor's acknowledgement, and is chased if it is not acknowledged in a working day.
 */
export function needsCourseTutorContact(
  definition: ProcedureDefinition,
  concern: Pick<Concern, 'raisedByRole'>,
): boolean {
  return definition.concern.notify.some(
    (n) => n.when.includes(concern.raisedByRole) && n.notify.includes('courseTutor'),
  );
}

/** The rules of the course-tutor contact for this concern, as the procedure cites them (ME-05). */
export function courseTutorContactRules(
  definition: ProcedureDefinition,
  concern: Pick<Concern, 'raisedByRole'>,
): readonly string[] {
  const rules = definition.concern.notify
    .filter((n) => n.when.includes(concern.raisedByRole) && n.notify.includes('courseTutor'))
    .flatMap((n) => n.rules);
  return [...new Set(rules)];
}

/** The concerns still waiting for the course tutor's acknowledgement (ME-05). */
export function unacknowledgedConcerns(
  definition: ProcedureDefinition,
  concerns: readonly Concern[],
): Concern[] {
  return concerns.filter(
    (c) => c.acknowledgedAt === undefined && needsCourseTutorContact(definition, c),
  );
}
