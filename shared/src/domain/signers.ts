import type { ProcedureDefinition, StageDefinition } from '../procedures/schema';
import { activeParticipants } from './actor';
import type { Actor, SettingValues } from './context';
import type { Role } from './roles';
import { rolesParam } from './settings';
import { roleLabel } from './stage-lookup';
import type { CaseState, StageInstance } from './state';
import type { SignerSlot } from './view';

/** The signature slots for the current plan version (BF-20, ME-28, ME-33, ME-57). */
export function signerSlots(
  definition: ProcedureDefinition,
  stage: StageDefinition,
  instance: StageInstance,
  state: CaseState,
  settings: SettingValues,
): SignerSlot[] {
  if (stage.signatures === undefined) return [];
  const roles = rolesParam(settings, stage.signatures.signers);
  const current = instance.signatures.filter((s) => s.planVersion === instance.plan.version);
  const slot = (role: Role, participantId: string | null, name: string | null): SignerSlot => ({
    role,
    roleLabel: roleLabel(definition, role),
    participantId,
    name,
    signed:
      current.find(
        (s) =>
          s.role === role &&
          (stage.signatures?.mode === 'one-per-role' || s.participantId === participantId),
      ) ?? null,
  });
  return roles.flatMap((role) => {
    const holders = activeParticipants(state, [role]);
    if (holders.length === 0) return [];
    if (stage.signatures?.mode === 'one-per-role')
      return [slot(role, null, holders.map((h) => h.name).join(' / '))];
    return holders.map((h) => slot(role, h.participantId, h.name));
  });
}

/**
 * The slots this actor may sign (Z3; BF-20, ME-28, ME-33, ME-57): a row on the form is signed by a
 * person named in the case with that role. Only the actor's own active participant entries count;
 * a provider-wide staff role from the directory (Programme Lead, Director) is not a participant
 * entry and holds no row, even when someone else named in the case holds that role.
 */
export function slotsHeldBy(
  slots: readonly SignerSlot[],
  state: CaseState,
  actor: Actor,
): SignerSlot[] {
  const own = activeParticipants(state).filter((p) =>
    actor.participantIds.includes(p.participantId),
  );
  return slots.filter((s) =>
    own.some(
      (p) => p.role === s.role && (s.participantId === null || s.participantId === p.participantId),
    ),
  );
}

/** True when every slot is signed for the current plan version. */
export function fullySigned(slots: readonly SignerSlot[]): boolean {
  return slots.length > 0 && slots.every((s) => s.signed !== null);
}
