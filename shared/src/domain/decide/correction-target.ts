import { fail, ok, refuse, type Refusal, type Result } from '../../errors/refusal';
import type { CorrectionKind } from '../events';
import type { ProcedureDefinition, StageDefinition } from '../../procedures/schema';
import { rolesParam } from '../settings';
import { allInstances, stageDefinition } from '../stage-lookup';
import type { Role } from '../roles';
import type { CaseState, StageInstance } from '../state';
import type { Env } from './policy';

/** The entry a correction names, found in the current stage. */
export interface CorrectionTarget {
  readonly kind: CorrectionKind;
  readonly entryId: string;
  readonly instance: StageInstance;
  readonly stage: StageDefinition;
  /** Roles the procedure lets record this entry: they may correct it. */
  readonly by: readonly Role[];
  readonly label: string;
  readonly rules: readonly string[];
}

/** The param naming the final outcome (a stage has at most one). */
export const finalOutcomeEntry = 'final-outcome';

function holds(instance: StageInstance, kind: CorrectionKind, entryId: string): boolean {
  switch (kind) {
    case 'observation':
      return instance.observations.some((o) => o.observationId === entryId);
    case 'review':
      return instance.reviews.some((r) => r.reviewId === entryId);
    case 'duty':
      return instance.duties.some((d) => d.dutyId === entryId);
    case 'finalOutcome':
      return instance.finalOutcome !== null;
    case 'meeting':
      return instance.meetings.some((m) => m.meetingId === entryId && m.status === 'held');
  }
}

/**
 * The ways forward once an entry can no longer be corrected, from the procedure itself: a reissue
 * route (ME-53) and the right of appeal (ME-65, ME-69), or else a comment on the record.
 */
export function waysForward(definition: ProcedureDefinition): { text: string; rules: string[] } {
  const reissue = definition.stages
    .flatMap((s) => s.entries)
    .filter((e) => e.id === 'reissue')
    .map((e) => ({ text: `${e.label} (${e.rules.join(', ')})`, rules: e.rules }));
  const appeal = definition.stages
    .filter((s) => s.appeal)
    .flatMap((s) => s.duties.filter((d) => d.effect === 'appeal-informed'))
    .map((d) => ({
      text: `the trainee's right of appeal (${d.rules.join(', ')})`,
      rules: d.rules,
    }));
  const ways = [...reissue, ...appeal];
  if (ways.length === 0)
    return { text: 'add a comment to the record explaining the error', rules: [] };
  return { text: ways.map((w) => w.text).join(' or '), rules: ways.flatMap((w) => w.rules) };
}

function forbidden(
  definition: ProcedureDefinition,
  state: CaseState,
  ended: StageInstance,
): Refusal {
  const label = stageDefinition(definition, ended.stageId)?.label ?? ended.stageId;
  const way = waysForward(definition);
  const later =
    stageDefinition(definition, state.current?.stageId ?? '')?.label ?? 'the next stage';
  const why = `a later stage (${later}) has started`;
  return refuse(
    'CORRECTION_NOT_ALLOWED',
    `This entry belongs to ${label}, which has ended: ${why}, so it can no longer be corrected. The way forward: ${way.text}.`,
    way.rules,
    { wayForward: way.text },
  );
}

function whoRecords(
  env: Env,
  stage: StageDefinition,
  target: Omit<CorrectionTarget, 'by' | 'label' | 'rules' | 'stage'>,
) {
  const { settings, definition } = env.ctx;
  switch (target.kind) {
    case 'observation':
      return {
        by: rolesParam(settings, definition.observationsRecordedBy),
        label: 'observation',
        rules: ['ME-03'],
      };
    case 'review':
    case 'finalOutcome': {
      const by = stage.review === undefined ? [] : rolesParam(settings, stage.review.by);
      const label = target.kind === 'review' ? 'review' : 'final outcome';
      return { by, label, rules: stage.review?.rules ?? [] };
    }
    case 'duty': {
      const def = stage.duties.find((d) => d.id === target.entryId);
      return {
        by: def === undefined ? [] : rolesParam(settings, def.by),
        label: `duty "${def?.label ?? target.entryId}"`,
        rules: def?.rules ?? [],
      };
    }
    case 'meeting': {
      const meeting = target.instance.meetings.find((m) => m.meetingId === target.entryId);
      const def = stage.meetings.find((m) => m.id === meeting?.definitionId);
      return {
        by: def === undefined ? [] : rolesParam(settings, def.scheduledBy),
        label: def?.label ?? 'meeting',
        rules: def?.rules ?? [],
      };
    }
  }
}

/** Finds the entry in the current stage, or refuses: unknown, or in a stage that has ended. */
export function correctionTarget(
  env: Env,
  kind: CorrectionKind,
  entryId: string,
): Result<CorrectionTarget> {
  const { state } = env;
  const { definition } = env.ctx;
  const current = state.current;
  const key = kind === 'finalOutcome' ? finalOutcomeEntry : entryId;
  if (state.status.kind === 'closed') {
    const way = waysForward(definition);
    return fail(
      refuse(
        'CASE_CLOSED',
        `This case is closed; nothing more can be recorded on it, corrections included. The way forward: ${way.text}.`,
        way.rules,
      ),
    );
  }
  if (current !== null && holds(current, kind, key)) {
    const stage = stageDefinition(definition, current.stageId);
    if (stage === undefined)
      return fail(refuse('WRONG_STAGE', `Stage ${current.stageId} is unknown.`));
    const base = {
      kind,
      entryId: kind === 'finalOutcome' ? current.instanceId : entryId,
      instance: current,
    };
    return ok({ ...base, stage, ...whoRecords(env, stage, base) });
  }
  const ended = allInstances(state).filter((i) => i !== current);
  const earlier = ended.reverse().find((i) => holds(i, kind, key));
  if (earlier !== undefined) return fail(forbidden(definition, state, earlier));
  return fail(
    refuse(
      'UNKNOWN_ENTRY',
      `There is no ${kind === 'finalOutcome' ? 'final outcome' : kind} "${entryId}" on this case to correct.`,
    ),
  );
}
