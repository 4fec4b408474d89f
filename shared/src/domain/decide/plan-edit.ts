import { fail, ok, refuse, type Refusal, type Result } from '../../errors/refusal';
import type { StageDefinition } from '../../procedures/schema';
import type { CaseEvent } from '../events';
import { paramValue, rolesParam } from '../settings';
import { currentStage } from '../stage-lookup';
import type { StageInstance } from '../state';
import { notifyPartners, requireRole, type Decision, type Env } from './policy';

/** The current stage if its plan can be edited by the actor. */
export function editablePlan(env: Env): Result<{
  stage: StageDefinition & { plan: NonNullable<StageDefinition['plan']> };
  instance: StageInstance;
}> {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const { stage, instance } = current.value;
  const plan = stage.plan;
  if (plan === undefined)
    return fail(refuse('WRONG_STAGE', `${stage.label} has no targets to set.`, stage.rules));
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, plan.editableBy),
    `change the ${stage.label} plan`,
    plan.rules,
  );
  return refusal === null ? ok({ stage: { ...stage, plan }, instance }) : fail(refusal);
}

/** Events for a plan change: the change, then voided signatures if any were given (signed plans are immutable). */
export function planChange(
  env: Env,
  instance: StageInstance,
  change: (version: number) => CaseEvent,
): Decision {
  const version = instance.plan.version + 1;
  const signed = instance.signatures.filter((s) => s.planVersion === instance.plan.version).length;
  const voided: CaseEvent[] =
    signed > 0
      ? [{ type: 'SignaturesVoided', planVersion: instance.plan.version, count: signed }]
      : [];
  return { events: [change(version), ...voided], effects: notifyPartners(env, 'plan-changed') };
}

/** Checks one target's content against the stage's style and limits (ME-06, ME-19, ME-26, BF-07, X-06). */
export function checkTarget(
  env: Env,
  stage: StageDefinition & { plan: NonNullable<StageDefinition['plan']> },
  target: {
    actions: readonly string[];
    indicators: readonly string[];
    monitoring: string;
    successCriteria: string;
  },
): Refusal | null {
  const plan = stage.plan;
  const maxActions = paramValue<number | null>(env.ctx.settings, plan.maxActionsPerTarget);
  if (maxActions !== null && target.actions.length > maxActions) {
    return refuse(
      'ACTION_LIMIT_REACHED',
      `${stage.label} allows at most ${maxActions} actions per target.`,
      plan.rules,
    );
  }
  const missing = [
    target.actions.length === 0
      ? plan.targetStyle === 'SMART'
        ? 'action steps'
        : 'specific actions'
      : null,
    plan.requireIndicators && target.indicators.length === 0
      ? 'linked assessment indicators'
      : null,
    plan.requireMonitoring && target.monitoring === '' ? 'monitoring' : null,
    plan.requireSuccessCriteria && target.successCriteria === '' ? 'success criteria' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return null;
  return refuse(
    'TARGET_FIELDS_REQUIRED',
    `A ${plan.targetStyle} target at ${stage.label} needs ${missing.join(', ')}.`,
    plan.rules,
  );
}
