import type { ProcedureDefinition } from '../procedures/schema';
import type { SettingValues } from './context';
import type { Role } from './roles';
import { paramValue, rolesParam } from './settings';
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

/** One step of the chase of an unacknowledged concern, with the provider's settings applied. */
export interface ConcernChaseStep {
  readonly step: number;
  /** Working days after the day the concern was raised. */
  readonly afterDays: number;
  readonly notify: readonly Role[];
  readonly rules: readonly string[];
}

/**
 * The chase ladder of a concern waiting for the course tutor (ME-05), as the definition states it
 * with the provider's day counts (settings such as `concernChaseDays`, `concernEscalateDays`); a
 * definition without one has a single step a working day after, to the course tutor and the
 * programme lead. In step order.
 */
export function concernChase(
  definition: ProcedureDefinition,
  settings: SettingValues,
): ConcernChaseStep[] {
  const chase = definition.concern.chase;
  if (chase.length === 0)
    return [{ step: 1, afterDays: 1, notify: ['courseTutor', 'programmeLead'], rules: [] }];
  return chase
    .map((s) => ({
      step: s.step,
      afterDays: paramValue(settings, s.afterDays),
      notify: rolesParam(settings, s.notify),
      rules: s.rules,
    }))
    .sort((a, b) => a.step - b.step);
}
