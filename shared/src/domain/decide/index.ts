import { fail, refuse, type Result } from '../../errors/refusal';
import type { CaseCommand, CaseCommandType, CommandOf } from '../commands';
import type { Actor, DecisionContext } from '../context';
import type { CaseState } from '../state';
import type { AvailableCommand } from '../view';
import type { Decision, Env, Policy } from './policy';
import { withReminderCancellations } from './review-reminder';
import { policies } from './table';

export type { Decision } from './policy';

function policyFor<T extends CaseCommandType>(type: T): Policy<T> {
  return policies[type];
}

/**
 * The one pure decision function: a typed refusal, or the events to append and the effects to
 * carry out. Every channel (API, bot, message extension, timer) reaches a case through this.
 */
export function decide(
  ctx: DecisionContext,
  state: CaseState,
  command: CaseCommand,
  actor: Actor,
): Result<Decision> {
  if (actor.roles.length === 0)
    return fail(refuse('NOT_A_PARTICIPANT', 'You are not a participant in this case.'));
  const env: Env = { ctx, state, actor, command };
  const policy = policyFor(command.type);
  const typed = command as CommandOf<typeof command.type>;
  const permitted = policy.permit(env, policy.paramsOf(typed));
  if (!permitted.ok) return permitted;
  const applied = policy.apply(env, typed, permitted.value);
  return applied.ok
    ? { ...applied, value: withReminderCancellations(state, applied.value) }
    : applied;
}

/** The commands this actor may issue now, each with the rules that allow it. The UI renders only these. */
export function availableCommands(
  ctx: DecisionContext,
  state: CaseState,
  actor: Actor,
): AvailableCommand[] {
  if (actor.roles.length === 0 || state.status.kind === 'closed') return [];
  const env: Env = { ctx, state, actor, command: undefined };
  return (Object.keys(policies) as CaseCommandType[]).flatMap((type) => {
    const policy = policyFor(type);
    return policy.candidates(env).flatMap((params) => {
      const permitted = policy.permit(env, params);
      return permitted.ok
        ? [{ type, label: policy.label(env, params), rules: permitted.value, params }]
        : [];
    });
  });
}
