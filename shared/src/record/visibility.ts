import { holdsAny } from '../domain/actor';
import type { Actor, DecisionContext } from '../domain/context';
import { rolesParam } from '../domain/settings';
import type { Visibility } from './describe-event';

/** What this actor may read: decided exactly as `buildCaseView` decides it (Z7). */
export function visibilityFor(ctx: DecisionContext, actor: Actor): Visibility {
  return {
    specialCategory: holdsAny(
      actor,
      rolesParam(ctx.settings, ctx.definition.specialCategoryVisibleTo),
    ),
    staff: actor.roles.some((r) => r !== 'trainee'),
  };
}
