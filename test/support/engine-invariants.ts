import type { ProcedureDefinition } from '@shared/procedures/schema';
import type { CaseState, StageInstance } from '@shared/domain/state';

const ofStage = (def: ProcedureDefinition, id: string) => def.stages.find((s) => s.id === id);

/**
 * Issue 11 items 1-3, as invariants over any reachable case:
 * 1. a stage entered through an entry guarded by evidence of the stage before (targets, a held
 *    meeting, an observation, a signed plan; ME-44..59) followed a run that had that evidence;
 * 2. a final outcome that contradicts the latest review carries a recorded reason, and Outcome 1
 *    against unmet targets is never recorded without one (ME-60..62);
 * 3. every meeting invited someone holding each role it is for, and a duty that is a meeting
 *    was recorded only after that meeting was held (BF-26, ME-64).
 * Returns the first violation, or null.
 */
export function procedureEvidenceViolation(
  def: ProcedureDefinition,
  state: CaseState,
): string | null {
  const runs =
    state.current === null ? state.completedStages : [...state.completedStages, state.current];
  for (const [i, run] of runs.entries()) {
    const previous = runs[i - 1];
    const entry = ofStage(def, run.stageId)?.entries.find((e) => e.id === run.entryId);
    if (previous !== undefined && entry !== undefined) {
      const missing = entry.guards.flatMap((g) => evidenceMissing(g.name, g.params, previous));
      if (missing.length > 0)
        return `${run.stageId} (${run.entryId}) started after ${previous.stageId} without ${missing.join(', ')}`;
    }
    const outcome = run.finalOutcome;
    const latest = run.reviews.at(-1);
    if (outcome !== null && latest !== undefined) {
      const contradicts = (outcome.progress === 'sufficient') !== latest.allMet;
      if (contradicts && outcome.againstLatestReview?.reason === undefined)
        return `${run.stageId}: a ${outcome.progress} outcome contradicts the latest review with no reason recorded`;
    }
    const stage = ofStage(def, run.stageId);
    for (const m of run.meetings) {
      const required =
        stage?.meetings.find((d) => d.id === m.definitionId)?.requiredAttendees ?? [];
      const invited = state.participants.filter((p) => m.attendees.includes(p.participantId));
      const absent = required.filter((r) => !invited.some((p) => p.role === r));
      if (absent.length > 0)
        return `${m.definitionId} was scheduled without the ${absent.join(', ')}`;
    }
    for (const d of run.duties) {
      const needs = stage?.duties.find((x) => x.id === d.dutyId)?.requiresMeeting;
      if (
        needs !== undefined &&
        !run.meetings.some((m) => m.definitionId === needs && m.status === 'held')
      )
        return `${d.dutyId} recorded without the ${needs} held`;
    }
  }
  return null;
}

function evidenceMissing(
  name: string,
  params: Readonly<Record<string, unknown>>,
  run: StageInstance,
): string[] {
  switch (name) {
    case 'targetsSet':
      return run.plan.targets.length >= (typeof params.min === 'number' ? params.min : 1)
        ? []
        : ['targets'];
    case 'meetingHeld':
      return run.meetings.some((m) => m.definitionId === params.meeting && m.status === 'held')
        ? []
        : [`the ${String(params.meeting)} held`];
    case 'observationRecorded':
      return run.observations.some((o) => o.definitionId === params.observation)
        ? []
        : [`the ${String(params.observation)}`];
    case 'planFullySigned':
      return run.fullySignedVersion === run.plan.version ? [] : ['a fully signed plan'];
    default:
      return [];
  }
}
