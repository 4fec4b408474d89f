import type { StageDefinition } from '../procedures/schema';
import type { StageInstance } from '../domain/state';

/** A stage's duties with whether each applies now and whether it is done (ME-63..68). */
export function applicableDuties(stage: StageDefinition, instance: StageInstance) {
  return stage.duties.map((d) => ({
    id: d.id,
    label: d.label,
    rules: d.rules,
    applicable: d.onlyIf === undefined || instance.appeal.status === d.onlyIf.appeal,
    done: instance.duties.some((r) => r.dutyId === d.id),
  }));
}
