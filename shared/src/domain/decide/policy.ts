import type { CaseCommand, CaseCommandType, CommandOf } from '../commands';
import type { Actor, DecisionContext } from '../context';
import type { Effect, NotificationTemplate } from '../effects';
import type { CaseEvent } from '../events';
import type { Role } from '../roles';
import type { CaseState } from '../state';
import { holdsAny } from '../actor';
import { roleRecipients } from '../recipients';
import { roleLabel } from '../stage-lookup';
import { fail, ok, refuse, type Refusal, type Result } from '../../errors/refusal';

/** Everything a policy decides over. */
export interface Env {
  readonly ctx: DecisionContext;
  readonly state: CaseState;
  readonly actor: Actor;
  readonly command: CaseCommand | undefined;
}

/** The events to append and the effects to carry out. */
export interface Decision {
  readonly events: readonly CaseEvent[];
  readonly effects: readonly Effect[];
}

/** Fixed arguments that distinguish one option of a command from another. */
export type Params = Readonly<Record<string, string | number>>;

/** How one command kind is permitted, offered and decided. */
export interface Policy<T extends CaseCommandType> {
  readonly label: (env: Env, params: Params) => string;
  readonly candidates: (env: Env) => readonly Params[];
  readonly paramsOf: (command: CommandOf<T>) => Params;
  readonly permit: (env: Env, params: Params) => Result<readonly string[]>;
  readonly apply: (env: Env, command: CommandOf<T>, rules: readonly string[]) => Result<Decision>;
}

/** A decision with no effects. */
export function events(...list: CaseEvent[]): Decision {
  return { events: list, effects: [] };
}

/** Refuses unless the case is open. */
export function openCase(env: Env): Refusal | null {
  return env.state.status.kind === 'closed'
    ? refuse('CASE_CLOSED', 'This case is closed; nothing more can be recorded on it.')
    : null;
}

/** Refuses unless the actor holds one of the roles. */
export function requireRole(
  env: Env,
  allowed: readonly Role[],
  what: string,
  rules: readonly string[],
): Refusal | null {
  if (holdsAny(env.actor, allowed)) return null;
  const names = allowed.map((r) => roleLabel(env.ctx.definition, r));
  const who =
    names.length === 1
      ? `the ${names[0] ?? ''}`
      : `the ${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
  const cite = rules.length > 0 ? ` (${rules.join(', ')})` : '';
  return refuse('ROLE_NOT_ALLOWED', `Only ${who} can ${what}${cite}.`, rules);
}

/** Chains checks: the first refusal wins, otherwise the rules. */
export function allow(
  rules: readonly string[],
  ...checks: (Refusal | null)[]
): Result<readonly string[]> {
  const refusal = checks.find((c) => c !== null);
  return refusal == null ? ok(rules) : fail(refusal);
}

/** A notification to the active participants holding some roles (provider-wide roles: the staff, `roleRecipients`). */
export function notify(
  env: Env,
  roles: readonly Role[],
  template: NotificationTemplate,
  rules: readonly string[],
): Effect[] {
  const recipients = roleRecipients(env.state, env.ctx.staff, roles);
  return recipients.length === 0 ? [] : [{ kind: 'notify', template, recipients, rules }];
}

/** A notification to all partners on a stage event (BF-01 and equivalents). */
export function notifyPartners(env: Env, template: NotificationTemplate): Effect[] {
  const { roles, rules } = env.ctx.definition.notifyOnStageEvents;
  return [...notify(env, roles, template, rules), { kind: 'refreshCaseCard' }];
}

/** The UTC instant now. */
export function nowIso(env: Env): string {
  return env.ctx.now.toISOString();
}

/** The acting participant's id for a role, or the first entry they hold, or their object id. */
export function actingId(env: Env, role?: Role): string {
  const entries = env.state.participants.filter((p) =>
    env.actor.participantIds.includes(p.participantId),
  );
  return (
    (role === undefined ? entries[0] : entries.find((p) => p.role === role))?.participantId ??
    `staff:${env.actor.identity.oid}`
  );
}
