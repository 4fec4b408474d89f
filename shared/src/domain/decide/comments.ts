import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { holdsAny } from '../actor';
import { actingId, openCase, type Env, type Policy } from './policy';

function permit(env: Env): Result<readonly string[]> {
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  return env.actor.roles.length > 0
    ? ok(['BF-01'])
    : fail(refuse('NOT_A_PARTICIPANT', 'Only people in the case can comment on it.'));
}

/** Adding a comment or statement; every partner has a voice, and staff notes stay staff-only (BF-01). */
export const addCommentPolicy: Policy<'addComment'> = {
  label: () => 'Add a comment',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c, rules) => {
    if (c.visibility === 'staff' && !holdsAny(env.actor, env.ctx.definition.commentStaffNotesBy)) {
      return fail(refuse('ROLE_NOT_ALLOWED', 'Only staff can write staff-only notes.', rules));
    }
    const comment = {
      commentId: env.ctx.newId(),
      by: actingId(env),
      at: env.ctx.now.toISOString(),
      text: c.text,
      visibility: c.visibility,
    };
    return ok({
      events: [{ type: 'CommentAdded', comment }],
      effects: [{ kind: 'refreshCaseCard' }],
    });
  },
};
