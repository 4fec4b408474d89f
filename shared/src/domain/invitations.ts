import type { Identity, StaffMember } from './context';
import type { CaseEvent } from './events';
import type { CaseState } from './state';

/** An email address as a key: trimmed and lower-cased (addresses are matched case-insensitively). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A person to name, as given: Entra ids, or only a name and an email address. */
interface NamedPerson {
  readonly name: string;
  readonly email: string | null;
  readonly tid: string | null;
  readonly oid: string | null;
}

/**
 * Fills a person's Entra ids from the provider's staff directory when they are named by email
 * only (item 9): someone picked from the directory is linked at once; anyone else stays
 * "invited, not yet signed in" until they sign in with that address.
 */
export function fromDirectory<T extends NamedPerson>(person: T, staff: readonly StaffMember[]): T {
  if (person.oid !== null || person.email === null) return person;
  const key = emailKey(person.email);
  const entry = staff.find((s) => s.email !== null && emailKey(s.email) === key);
  return entry === undefined ? person : { ...person, tid: entry.tid, oid: entry.oid };
}

/**
 * The links to make when `who` signs in: every active entry naming their email address without
 * Entra ids is linked to their identity, if their tenant is one the provider allows. Pure: the
 * service commits the events.
 */
export function invitationLinks(
  state: CaseState,
  who: Identity & { readonly email?: string },
  allowedTenants: readonly string[],
  at: string,
): CaseEvent[] {
  if (who.email === undefined || !allowedTenants.includes(who.tid)) return [];
  const key = emailKey(who.email);
  return state.participants
    .filter(
      (p) =>
        p.removedAt === null && p.oid === null && p.email !== null && emailKey(p.email) === key,
    )
    .map((p) => ({
      type: 'ParticipantLinked' as const,
      participantId: p.participantId,
      tid: who.tid,
      oid: who.oid,
      at,
    }));
}
