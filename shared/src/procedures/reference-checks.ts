import type { ProcedureDefinition } from './schema';

/**
 * References the schema cannot check (issue 11 additions): a duty that needs a meeting names one
 * of its stage's meetings; an entry guard waiting for a meeting or observation names one of the
 * stage it is entered from. Returns the first problem, or null.
 */
export function evidenceReferenceProblem(def: ProcedureDefinition): string | null {
  const stages = new Map(def.stages.map((s) => [s.id, s]));
  for (const stage of def.stages) {
    for (const duty of stage.duties) {
      const id = duty.requiresMeeting;
      if (id !== undefined && !stage.meetings.some((m) => m.id === id))
        return `${stage.id}: duty "${duty.id}" requires meeting "${id}", which the stage does not define.`;
    }
    for (const entry of stage.entries) {
      for (const guard of entry.guards) {
        const kind =
          guard.name === 'meetingHeld'
            ? 'meeting'
            : guard.name === 'observationRecorded'
              ? 'observation'
              : null;
        if (kind === null) continue;
        const id = String(guard.params[kind]);
        for (const from of entry.from.filter((f) => f !== 'none')) {
          const source = stages.get(from);
          const list = kind === 'meeting' ? source?.meetings : source?.observations;
          if (!(list ?? []).some((x) => x.id === id))
            return `${stage.id}: entry "${entry.id}" waits for ${kind} "${id}", which ${from} does not define.`;
        }
      }
    }
  }
  return null;
}
