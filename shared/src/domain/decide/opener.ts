import type { DecisionContext, Identity } from '../context';
import { providerWideRoles, type Role } from '../roles';

interface Named {
  readonly role: Role;
  readonly tid: string | null;
  readonly oid: string | null;
}

/**
 * The opener's own entry when they did not name themselves (item 9): a course tutor who opens a
 * case is added in their staff role, so they are not locked out of it (201, then 404). Provider-wide
 * staff (programme leads, directors) see every case anyway and are not added.
 */
export function openerEntry(
  ctx: DecisionContext,
  who: Identity,
  allowed: readonly Role[],
  named: readonly Named[],
): { role: Role; name: string; email: string | null; tid: string; oid: string }[] {
  const mine = ctx.staff.filter((s) => s.tid === who.tid && s.oid === who.oid);
  if (mine.some((s) => providerWideRoles.includes(s.role))) return [];
  if (named.some((p) => p.tid === who.tid && p.oid === who.oid)) return [];
  const entry = mine.find((s) => allowed.includes(s.role));
  if (entry === undefined) return [];
  return [{ role: entry.role, name: entry.name, email: entry.email, tid: who.tid, oid: who.oid }];
}
