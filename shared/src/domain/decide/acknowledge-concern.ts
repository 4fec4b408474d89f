import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { unacknowledgedConcerns } from '../concern-contact';
import { providerWideRoles, type Role } from '../roles';
import { actingId, nowIso, openCase, requireRole, type Env, type Policy } from './policy';

const rules = ['ME-05'];
const acknowledgers: readonly Role[] = ['courseTutor', ...providerWideRoles];

function permit(env: Env, concernId: string): Result<readonly string[]> {
  const refusal =
    openCase(env) ??
    requireRole(env, acknowledgers, 'acknowledge a concern raised at the school', rules);
  if (refusal !== null) return fail(refusal);
  const concern = env.state.concerns.find((c) => c.concernId === concernId);
  if (concern === undefined)
    return fail(refuse('UNKNOWN_CONCERN', 'There is no such concern on this case.', rules));
  if (concern.acknowledgedAt !== undefined)
    return fail(
      refuse(
        'CONCERN_ALREADY_ACKNOWLEDGED',
        `This concern was already acknowledged (ME-05) on ${concern.acknowledgedAt.slice(0, 10)}.`,
        rules,
      ),
    );
  return ok(rules);
}

/**
 * The course tutor acknowledges a concern raised by school colleagues between visits, in one
 * click (ME-05: "the Course Tutor must be contacted immediately"); it stops the chase.
 */
export const acknowledgeConcernPolicy: Policy<'acknowledgeConcern'> = {
  label: () => 'Acknowledge concern',
  candidates: (env) =>
    unacknowledgedConcerns(env.ctx.definition, env.state.concerns).map((c) => ({
      concernId: c.concernId,
    })),
  paramsOf: (c) => ({ concernId: c.concernId }),
  permit: (env, p) => permit(env, String(p.concernId)),
  apply: (env, c) =>
    ok({
      events: [
        {
          type: 'ConcernAcknowledged',
          concernId: c.concernId,
          by: actingId(env, env.actor.roles.includes('courseTutor') ? 'courseTutor' : undefined),
          at: nowIso(env),
        },
      ],
      effects: [{ kind: 'refreshCaseCard' }],
    }),
};
