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
  const ids = holders.map((p) => p.participantId);
  const active = activeParticipants(state);
  for (const role of roles) {
    if (!providerWideRoles.includes(role) || holders.some((p) => p.role === role)) continue;
    for (const member of staff.filter((s) => s.role === role)) {
      const entries = active
        .filter((p) => p.oid !== null && p.tid === member.tid && p.oid === member.oid)
        .map((p) => p.participantId);
      if (entries.some((id) => ids.includes(id))) continue;
      // On the case in another role: reached by that entry, so the record names them.
      const id = entries[0] ?? staffRecipientId(member);
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return [...new Set(ids)];
}
