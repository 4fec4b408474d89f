import { todayInUk } from '../../calendar';
import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { ProcedureDefinition } from '../../procedures/schema';
import { checkGuards } from '../../rules/guards';
import { rolesParam } from '../settings';
import { stageDefinition } from '../stage-lookup';
import type { CaseEvent } from '../events';
import { checkPaperDate, fromPaper, latestDateIn, permitPaper } from './paper-record';
import {
  actingId,
  notifyPartners,
  openCase,
  requireRole,
  type Env,
  type Params,
  type Policy,
} from './policy';

type Entry = ProcedureDefinition['stages'][number]['entries'][number];

function entriesInto(env: Env, stageId: string): Entry[] {
  const from = env.state.current?.stageId ?? 'none';
  return (
    stageDefinition(env.ctx.definition, stageId)?.entries.filter((e) => e.from.includes(from)) ?? []
  );
}

function permitEntry(env: Env, stageId: string, entry: Entry): Result<readonly string[]> {
  const stageName = stageDefinition(env.ctx.definition, stageId)?.label ?? stageId;
  const refusal =
    requireRole(
      env,
      rolesParam(env.ctx.settings, entry.by),
      `start ${stageName} this way (${entry.label})`,
      entry.rules,
    ) ?? checkGuards({ ctx: env.ctx, state: env.state, command: env.command }, entry.guards);
  return refusal === null
    ? ok([...entry.rules, ...entry.guards.flatMap((g) => g.rules)])
    : fail(refusal);
}

function permit(env: Env, params: Params): Result<readonly string[]> {
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  const stageId = String(params.stageId);
  const target = stageDefinition(env.ctx.definition, stageId);
  if (target === undefined)
    return fail(refuse('WRONG_STAGE', `${stageId} is not a stage of ${env.ctx.definition.title}.`));
  const entries = entriesInto(env, stageId).filter(
    (e) => params.entryId === undefined || e.id === params.entryId,
  );
  const fromLabel =
    env.state.current === null
      ? 'the start'
      : (stageDefinition(env.ctx.definition, env.state.current.stageId)?.label ?? '');
  if (entries.length === 0) {
    return fail(
      refuse(
        'TRANSITION_NOT_ALLOWED',
        `${target.label} cannot be started from ${fromLabel}.`,
        target.rules,
      ),
    );
  }
  const results = entries.map((e) => permitEntry(env, stageId, e));
  return (
    results.find((r) => r.ok) ??
    results[0] ??
    fail(refuse('TRANSITION_NOT_ALLOWED', 'No way into that stage.'))
  );
}

function chosenEntry(env: Env, stageId: string, entryId: string | undefined): Entry | undefined {
  return entriesInto(env, stageId).find(
    (e) => (entryId === undefined || e.id === entryId) && permitEntry(env, stageId, e).ok,
  );
}

/** Starting a stage: who may, from where, and on what grounds (BF-11, ME-11, ME-20, ME-21, ME-36, ME-51, ME-53). */
export const startStagePolicy: Policy<'startStage'> = {
  label: (env, p) => {
    const stage = stageDefinition(env.ctx.definition, String(p.stageId));
    const entry = stage?.entries.find((e) => e.id === p.entryId);
    return `${stage?.label ?? String(p.stageId)}: ${entry?.label ?? 'start'}`;
  },
  candidates: (env) =>
    env.ctx.definition.stages.flatMap((s) =>
      entriesInto(env, s.id).map((e) => ({ stageId: s.id, entryId: e.id })),
    ),
  paramsOf: (c): Params =>
    c.entryId === undefined ? { stageId: c.stageId } : { stageId: c.stageId, entryId: c.entryId },
  permit,
  apply: (env, command, rules) => {
    const entry = chosenEntry(env, command.stageId, command.entryId);
    const stage = stageDefinition(env.ctx.definition, command.stageId);
    if (entry === undefined || stage === undefined)
      return fail(refuse('TRANSITION_NOT_ALLOWED', 'That stage cannot be started now.', rules));
    const at = env.ctx.now.toISOString();
    const previous = env.state.current;
    const paper = command.recordedFromPaper;
    if (paper !== undefined) {
      const refusal =
        permitPaper(env, `the start of ${stage.label}`) ??
        checkPaperDate(
          env,
          paper.startedOn,
          `A start of ${stage.label}`,
          previous === null
            ? null
            : { date: latestDateIn(previous), what: 'the last entry of the current stage' },
        );
      if (refusal !== null) return fail(refusal);
    }
    const list: CaseEvent[] = [];
    if (previous !== null) list.push({ type: 'StageEnded', instanceId: previous.instanceId, at });
    list.push({
      type: 'StageStarted',
      instanceId: env.ctx.newId(),
      stageId: stage.id,
      entryId: entry.id,
      startedOn: paper?.startedOn ?? todayInUk(env.ctx.now),
      at,
      by: actingId(env),
      reason: command.reason,
      overview: command.overview,
      carried:
        stage.carryPlan && previous !== null
          ? { targets: previous.plan.targets, reviewDate: previous.plan.reviewDate }
          : null,
      ...(paper === undefined ? {} : { fromPaper: fromPaper(env) }),
    });
    return ok({ events: list, effects: notifyPartners(env, 'stage-started') });
  },
};
