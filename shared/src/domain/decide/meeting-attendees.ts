import { refuse, type Refusal } from '../../errors/refusal';
import type { ProcedureDefinition } from '../../procedures/schema';
import type { Participant } from '../state';
import { roleLabel } from '../stage-lookup';

type MeetingDefinition = ProcedureDefinition['stages'][number]['meetings'][number];

/**
 * Who a meeting must include, from its definition: every role it is for (`requiredAttendees`,
 * which someone in the case must hold), every listed participant role someone in the case holds,
 * and one person from each "one of these roles" group (BF-05, BF-13, BF-26, ME-46, ME-64).
 */
export function missingAttendees(
  definition: ProcedureDefinition,
  def: MeetingDefinition,
  active: readonly Participant[],
  attendees: readonly string[],
): Refusal | null {
  const label = (r: string) => roleLabel(definition, r);
  const cite = def.rules.join(', ');
  const absent = def.requiredAttendees.filter((role) => !active.some((p) => p.role === role));
  if (absent.length > 0) {
    return refuse(
      'MEETING_PARTICIPANTS_MISSING',
      `The ${def.label} is for the ${absent.map(label).join(' and the ')}, and nobody in the case holds that role yet: add them to the case first (${cite}).`,
      def.rules,
      { roles: absent },
    );
  }
  const invited = active.filter((p) => attendees.includes(p.participantId));
  const roles = [...new Set([...def.requiredAttendees, ...def.participants])];
  const missingRoles = roles.filter(
    (role) => active.some((p) => p.role === role) && !invited.some((p) => p.role === role),
  );
  const missingGroups = def.anyOf.filter((group) => !invited.some((p) => group.includes(p.role)));
  const missing = [
    ...missingRoles.map(label),
    ...missingGroups.map((g) => g.map(label).join(' or ')),
  ];
  if (missing.length === 0) return null;
  return refuse(
    'MEETING_PARTICIPANTS_MISSING',
    `The ${def.label} needs: ${missing.join('; ')} (${cite}).`,
    def.rules,
  );
}
