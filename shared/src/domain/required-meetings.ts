import type { ProcedureDefinition, StageDefinition } from '../procedures/schema';
import type { SettingValues } from './context';
import { rolesParam } from './settings';
import { roleLabel } from './stage-lookup';
import type { StageInstance } from './state';
import type { StageView } from './view';

type MeetingDefinition = StageDefinition['meetings'][number];

/** Every requirement `scheduleMeeting` enforces on a meeting, in words (BF-05, BF-13, BF-26, ME-46, ME-64). */
function requirements(definition: ProcedureDefinition, m: MeetingDefinition): string[] {
  const label = (r: string) => roleLabel(definition, r);
  const list: string[] = [];
  for (const role of m.requiredAttendees)
    list.push(`The ${label(role)} must be named in the case and invited.`);
  const invitees = m.participants.filter((r) => !m.requiredAttendees.includes(r));
  if (invitees.length > 0)
    list.push(`Invite everyone in the case who is the ${invitees.map(label).join(', ')}.`);
  for (const group of m.anyOf)
    list.push(`Invite at least one of: ${group.map(label).join(' or ')}.`);
  if (m.online === true) list.push('It must be held online.');
  return list;
}

/** The stage's meetings with every requirement the engine enforces, so a client knows before it is refused. */
export function requiredMeetings(
  definition: ProcedureDefinition,
  stage: StageDefinition,
  instance: StageInstance,
  settings: SettingValues,
): StageView['requiredMeetings'] {
  return stage.meetings.map((m) => ({
    id: m.id,
    label: m.label,
    online: m.online,
    participants: m.participants,
    rules: m.rules,
    requiredAttendees: m.requiredAttendees,
    anyOf: m.anyOf,
    scheduledBy: rolesParam(settings, m.scheduledBy),
    requirements: requirements(definition, m),
    held: instance.meetings.some((x) => x.definitionId === m.id && x.status === 'held'),
  }));
}
