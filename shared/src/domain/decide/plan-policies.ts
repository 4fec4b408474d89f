import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { CommandOf } from '../commands';
import { paramValue } from '../settings';
import { allow, type Decision, type Env, type Policy } from './policy';
import { checkTarget, editablePlan, planChange } from './plan-edit';

const permitEdit = (env: Env) => {
  const plan = editablePlan(env);
  return plan.ok ? allow(plan.value.stage.plan.rules) : fail<readonly string[]>(plan.refusal);
};
const noParams = () => [{}];

/** Setting the plan's overview and support measures (BF-14, BF-16, ME-25). */
export const setPlanDetailsPolicy: Policy<'setPlanDetails'> = {
  label: () => 'Edit plan details',
  candidates: noParams,
  paramsOf: () => ({}),
  permit: permitEdit,
  apply: (env, c) => {
    const plan = editablePlan(env);
    if (!plan.ok) return plan;
    return ok(
      planChange(env, plan.value.instance, (planVersion) => ({
        type: 'PlanDetailsSet',
        overview: c.overview,
        supportMeasures: c.supportMeasures,
        planVersion,
      })),
    );
  },
};

/** Adding a target, within the stage's cap (ME-19, ME-26; none for Bright Futures unless set, BF-07, BF-30). */
export const addTargetPolicy: Policy<'addTarget'> = {
  label: () => 'Add a target',
  candidates: noParams,
  paramsOf: () => ({}),
  permit: (env) => {
    const plan = editablePlan(env);
    if (!plan.ok) return fail(plan.refusal);
    const { stage, instance } = plan.value;
    const max = paramValue<number | null>(env.ctx.settings, stage.plan.maxTargets);
    if (max !== null && instance.plan.targets.length >= max) {
      return fail(
        refuse(
          'TARGET_LIMIT_REACHED',
          `${stage.label} already has ${instance.plan.targets.length} targets; the maximum is ${max} (${stage.plan.rules.join(', ')}).`,
          stage.plan.rules,
        ),
      );
    }
    return ok(stage.plan.rules);
  },
  apply: (env, c) => saveTarget(env, { ...c, targetId: env.ctx.newId() }, 'TargetAdded'),
};

/** Changing a target; a signed plan's signatures are voided. */
export const updateTargetPolicy: Policy<'updateTarget'> = {
  label: () => 'Edit a target',
  candidates: (env) => env.state.current?.plan.targets.map((t) => ({ targetId: t.targetId })) ?? [],
  paramsOf: (c) => ({ targetId: c.targetId }),
  permit: permitEdit,
  apply: (env, c) => saveTarget(env, c, 'TargetUpdated'),
};

/** Removing a target. */
export const removeTargetPolicy: Policy<'removeTarget'> = {
  label: () => 'Remove a target',
  candidates: (env) => env.state.current?.plan.targets.map((t) => ({ targetId: t.targetId })) ?? [],
  paramsOf: (c) => ({ targetId: c.targetId }),
  permit: permitEdit,
  apply: (env, c) => {
    const plan = editablePlan(env);
    if (!plan.ok) return plan;
    if (!plan.value.instance.plan.targets.some((t) => t.targetId === c.targetId))
      return fail(refuse('UNKNOWN_TARGET', 'That target is not on the current plan.'));
    return ok(
      planChange(env, plan.value.instance, (planVersion) => ({
        type: 'TargetRemoved',
        targetId: c.targetId,
        planVersion,
      })),
    );
  },
};

/** Checks a target against the stage's style and limits, then records it (added or updated). */
function saveTarget(
  env: Env,
  c: Omit<CommandOf<'addTarget'>, 'type'> & { targetId: string },
  type: 'TargetAdded' | 'TargetUpdated',
): Result<Decision> {
  const plan = editablePlan(env);
  if (!plan.ok) return plan;
  const known = plan.value.instance.plan.targets.some((t) => t.targetId === c.targetId);
  if (type === 'TargetUpdated' && !known) {
    return fail(refuse('UNKNOWN_TARGET', 'That target is not on the current plan.'));
  }
  const { targetId, text, actions, indicators, monitoring, successCriteria } = c;
  const target = { targetId, text, actions, indicators, monitoring, successCriteria };
  const refusal = checkTarget(env, plan.value.stage, target);
  if (refusal !== null) return fail(refusal);
  return ok(planChange(env, plan.value.instance, (planVersion) => ({ type, target, planVersion })));
}
