import { activeParticipants } from './actor';
import type { StaffMember } from './context';
import { providerWideRoles, type Role } from './roles';
import type { CaseState } from './state';

/** The recipient id of a provider-wide staff member with no participant entry on the case. */
export function staffRecipientId(member: Pick<StaffMember, 'oid'>): string {
  return `staff:${member.oid}`;
}

/**
 * Who a notification to some roles reaches: for each role, the case's active participants in
 * it; a provider-wide role (programme lead, director) that nobody holds on the case reaches the
 * provider's staff in that role instead (ME-05: the chase to the programme lead; ME-22, ME-43:
 * the overdue ladder's programme leadership and Director), as `staff:{oid}`. Only the
 * provider-wide roles fall back: they may see every case of the provider (`actorFor`), a course
 * tutor or a mentor who is not on the case may not. A person is reached once, however many of
 * the roles they hold (staff on the case in another role by that entry). The order is stable:
 * the role holders first, then the staff, in the roles' order.
 */
export function roleRecipients(
  state: CaseState,
  staff: readonly StaffMember[],
  roles: readonly Role[],
): string[] {
  const holders = activeParticipants(state, roles);
  const ids = new Set(holders.map((p) => p.participantId));
  const wide = roles.filter(
    (r) => providerWideRoles.includes(r) && !holders.some((p) => p.role === r),
  );
  if (wide.length === 0) return [...ids];
  // Each person's active entries on the case, by identity.
  const entries = new Map<string, string[]>();
  for (const p of activeParticipants(state)) {
    if (p.oid === null) continue;
    const key = `${p.tid ?? ''}|${p.oid}`;
    entries.set(key, [...(entries.get(key) ?? []), p.participantId]);
  }
  for (const role of wide) {
    for (const member of staff) {
      if (member.role !== role) continue;
      const own = entries.get(`${member.tid}|${member.oid}`) ?? [];
      if (own.some((id) => ids.has(id))) continue;
      // On the case in another role: reached by that entry, so the record names them.
      ids.add(own[0] ?? staffRecipientId(member));
    }
  }
  return [...ids];
}
