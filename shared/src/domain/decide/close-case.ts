import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { checkGuards } from '../../rules/guards';
import { rolesParam } from '../settings';
import { stageDefinition } from '../stage-lookup';
import {
  notifyPartners,
  openCase,
  requireRole,
  type Env,
  type Params,
  type Policy,
} from './policy';

function closures(env: Env) {
  const current = env.state.current;
  if (current === null) return env.ctx.definition.closuresWithoutStage;
  return stageDefinition(env.ctx.definition, current.stageId)?.closures ?? [];
}

function permit(env: Env, params: Params): Result<readonly string[]> {
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  const closure = closures(env).find((c) => c.id === params.closureId);
  if (closure === undefined)
    return fail(refuse('UNKNOWN_OUTCOME', 'That outcome is not available at this stage.'));
  const refusal =
    requireRole(
      env,
      rolesParam(env.ctx.settings, closure.by),
      `close the case as "${closure.label}"`,
      closure.rules,
    ) ?? checkGuards({ ctx: env.ctx, state: env.state, command: env.command }, closure.guards);
  return refusal === null
    ? ok([...closure.rules, ...closure.guards.flatMap((g) => g.rules)])
    : fail(refusal);
}

/** Closing a case with one of the outcomes its current stage allows. Closed is terminal. */
export const closeCasePolicy: Policy<'closeCase'> = {
  label: (env, p) =>
    `Close: ${closures(env).find((c) => c.id === p.closureId)?.label ?? String(p.closureId)}`,
  candidates: (env) => closures(env).map((c) => ({ closureId: c.id })),
  paramsOf: (c) => ({ closureId: c.closureId }),
  permit,
  apply: (env, command) => {
    const closure = closures(env).find((c) => c.id === command.closureId);
    if (closure === undefined)
      return fail(refuse('UNKNOWN_OUTCOME', 'That outcome is not available at this stage.'));
    const event = {
      type: 'CaseClosed' as const,
      outcomeId: closure.id,
      outcomeLabel: closure.label,
      at: env.ctx.now.toISOString(),
      notes: command.notes,
    };
    return ok({ events: [event], effects: notifyPartners(env, 'case-closed') });
  },
};
