import type { Actor, Identity, StaffMember } from './context';
import { providerWideRoles, type Role } from './roles';
import type { CaseState, Participant } from './state';

/** Active participant entries held by this identity. */
export function participantsOf(
  state: CaseState,
  identity: Pick<Identity, 'tid' | 'oid'>,
): Participant[] {
  return state.participants.filter(
    (p) => p.removedAt === null && p.tid === identity.tid && p.oid === identity.oid,
  );
}

/** The roles a person holds for this case: their participant entries plus provider-wide staff roles. */
export function actorFor(
  state: CaseState,
  staff: readonly StaffMember[],
  identity: Identity,
): Actor {
  const entries = participantsOf(state, identity);
  const wide = staff
    .filter(
      (s) => s.tid === identity.tid && s.oid === identity.oid && providerWideRoles.includes(s.role),
    )
    .map((s) => s.role);
  const roles = [...new Set<Role>([...entries.map((p) => p.role), ...wide])];
  return { identity, roles, participantIds: entries.map((p) => p.participantId) };
}

/** True when the actor holds any of the roles. */
export function holdsAny(actor: Actor, allowed: readonly Role[]): boolean {
  return actor.roles.some((r) => allowed.includes(r));
}

/** Active participants, optionally of some roles. */
export function activeParticipants(state: CaseState, roles?: readonly Role[]): Participant[] {
  return state.participants.filter(
    (p) => p.removedAt === null && (roles === undefined || roles.includes(p.role)),
  );
}
