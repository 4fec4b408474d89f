import type { ProcedureDefinition, StageDefinition } from '../procedures/schema';
import type { CaseState, StageInstance } from './state';
import { fail, ok, refuse, type Result } from '../errors/refusal';
import { defaultRoleLabels } from './roles';

/** The definition of a stage, by id. */
export function stageDefinition(
  definition: ProcedureDefinition,
  stageId: string,
): StageDefinition | undefined {
  return definition.stages.find((s) => s.id === stageId);
}

/** The current stage with its definition, or a refusal when the case is closed or has no stage. */
export function currentStage(
  definition: ProcedureDefinition,
  state: CaseState,
): Result<{ instance: StageInstance; stage: StageDefinition }> {
  if (state.status.kind === 'closed')
    return fail(refuse('CASE_CLOSED', 'This case is closed; nothing more can be recorded on it.'));
  const instance = state.current;
  if (instance === null)
    return fail(
      refuse('NO_ACTIVE_STAGE', 'No stage of the procedure has started on this case yet.'),
    );
  const stage = stageDefinition(definition, instance.stageId);
  if (stage === undefined)
    return fail(
      refuse('WRONG_STAGE', `Stage ${instance.stageId} is not part of ${definition.title}.`),
    );
  return ok({ instance, stage });
}

/** Every run of a stage so far, oldest first, including the current one. */
export function allInstances(state: CaseState): StageInstance[] {
  return state.current === null
    ? [...state.completedStages]
    : [...state.completedStages, state.current];
}

/** The latest review of a stage run, if any. */
export function latestReview(instance: StageInstance) {
  return instance.reviews.at(-1);
}

/** The label a provider uses for a role. */
export function roleLabel(definition: ProcedureDefinition, role: string): string {
  const labels = definition.roleLabels as Record<string, string | undefined>;
  return labels[role] ?? (defaultRoleLabels as Record<string, string | undefined>)[role] ?? role;
}
