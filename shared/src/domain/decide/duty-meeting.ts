import { refuse, type Refusal } from '../../errors/refusal';
import type { ProcedureDefinition } from '../../procedures/schema';
import type { StageInstance } from '../state';

type Duty = ProcedureDefinition['stages'][number]['duties'][number];

/** A duty that is a meeting needs that meeting held first (ME-64: "the trainee meets with the Director"). */
export function meetingStillNeeded(
  duty: Duty,
  instance: StageInstance,
  meetingLabel: string | undefined,
): Refusal | null {
  const id = duty.requiresMeeting;
  if (id === undefined) return null;
  const held = instance.meetings.some((m) => m.definitionId === id && m.status === 'held');
  if (held) return null;
  const scheduled = instance.meetings.some(
    (m) => m.definitionId === id && m.status === 'scheduled',
  );
  const what = meetingLabel ?? 'required meeting';
  return refuse(
    'GUARD_FAILED',
    `"${duty.label}" needs the ${what} to have been held; it is ${scheduled ? 'scheduled but not yet recorded as held' : 'not scheduled yet'} (${duty.rules.join(', ')}).`,
    duty.rules,
  );
}
