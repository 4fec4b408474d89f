import type { StaffMember } from '../domain/context';
import { roleLabel } from '../domain/stage-lookup';
import type { CaseState } from '../domain/state';
import type { ProcedureDefinition } from '../procedures/schema';
import type { ActorKey } from './recorded-event';

/** Who acted, for a reader: the name and the roles held at that moment; the ids stay beside them. */
export interface NamedActor extends ActorKey {
  readonly name: string;
  readonly roles: readonly string[];
  readonly roleLabels: readonly string[];
  readonly source: 'case' | 'staff-directory' | 'system' | 'unknown';
}

/** The identity the overdue-review timer writes as (functions/src/services/review-sweep.ts). */
const systemOids = new Set(['00000000-0000-0000-0000-00000000715e']);

/**
 * Names an actor from the case's participants active at `at` (entries added later or already
 * removed do not count), else from the provider's staff directory.
 */
export function nameActor(
  definition: ProcedureDefinition,
  state: CaseState | null,
  staff: readonly StaffMember[],
  actor: ActorKey,
  at: string,
): NamedActor {
  const label = (roles: readonly string[]) => roles.map((r) => roleLabel(definition, r));
  const entries = (state?.participants ?? []).filter(
    (p) => p.tid === actor.tid && p.oid === actor.oid,
  );
  const active = entries.filter(
    (p) => p.addedAt <= at && (p.removedAt === null || p.removedAt > at),
  );
  const wide = staff.filter((s) => s.tid === actor.tid && s.oid === actor.oid);
  const roles = [...new Set([...active.map((p) => p.role), ...wide.map((s) => s.role)])];
  const name = entries[0]?.name ?? wide[0]?.name;
  if (name !== undefined) {
    const source = entries.length > 0 ? 'case' : 'staff-directory';
    return { ...actor, name, roles, roleLabels: label(roles), source };
  }
  if (systemOids.has(actor.oid))
    return { ...actor, name: 'Review timer', roles: [], roleLabels: [], source: 'system' };
  return { ...actor, name: 'Unknown person', roles: [], roleLabels: [], source: 'unknown' };
}
