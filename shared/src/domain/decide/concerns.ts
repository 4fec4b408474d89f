import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { Effect } from '../effects';
import type { Role } from '../roles';
import { rolesParam } from '../settings';
import { actingId, notify, openCase, requireRole, type Env, type Policy } from './policy';

function permit(env: Env): Result<readonly string[]> {
  const def = env.ctx.definition.concern;
  const refusal =
    openCase(env) ??
    requireRole(
      env,
      rolesParam(env.ctx.settings, def.raisedBy),
      'raise a concern on this case',
      def.rules,
    );
  return refusal === null ? ok(def.rules) : fail(refusal);
}

/** Raising a concern: allowed roles, categories, serious incident, special category flag (BF-03, ME-04, ME-05, ME-08, ME-23). */
export const raiseConcernPolicy: Policy<'raiseConcern'> = {
  label: () => 'Raise a concern',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c, rules) => {
    const def = env.ctx.definition.concern;
    const category = def.categories.find((k) => k.id === c.category);
    if (category === undefined) {
      return fail(
        refuse(
          'UNKNOWN_CATEGORY',
          `"${c.category}" is not a concern category of ${env.ctx.definition.title}.`,
          rules,
        ),
      );
    }
    const raiserRole = env.actor.roles.find((r) =>
      rolesParam(env.ctx.settings, def.raisedBy).includes(r),
    ) as Role;
    const concern = {
      concernId: env.ctx.newId(),
      raisedBy: actingId(env, raiserRole),
      raisedByRole: raiserRole,
      raisedAt: env.ctx.now.toISOString(),
      category: category.id,
      description: c.description,
      evidence: c.evidence,
      source: c.source,
      seriousIncident: c.seriousIncident,
      specialCategory: category.specialCategory,
    };
    const effects: Effect[] = def.notify
      .filter((n) => n.when.includes(raiserRole))
      .flatMap((n) =>
        notify(
          env,
          n.notify,
          n.notify.includes('courseTutor') ? 'course-tutor-contact-needed' : 'concern-raised',
          n.rules,
        ),
      );
    return ok({
      events: [{ type: 'ConcernRaised', concern }],
      effects: [...effects, { kind: 'refreshCaseCard' }],
    });
  },
};
