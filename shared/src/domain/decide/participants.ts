import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { activeParticipants } from '../actor';
import { rolesParam } from '../settings';
import { openCase, requireRole, type Env, type Policy } from './policy';
import type { CaseEvent } from '../events';
import { evolve } from '../evolve';
import { fullySigned, signerSlots } from '../signers';
import { currentStage } from '../stage-lookup';
import { fromDirectory } from '../invitations';

function permit(env: Env): Result<readonly string[]> {
  const refusal =
    openCase(env) ??
    requireRole(
      env,
      rolesParam(env.ctx.settings, env.ctx.definition.participantsManagedBy),
      'change who takes part in the case',
      ['ME-07'],
    );
  return refusal === null ? ok(['ME-07', 'BF-01']) : fail(refusal);
}

/** Naming another person in the case with a role. */
export const addParticipantPolicy: Policy<'addParticipant'> = {
  label: () => 'Add a participant',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c) => {
    const p = fromDirectory(c.participant, env.ctx.staff);
    const duplicate = activeParticipants(env.state, [p.role]).some(
      (x) => p.oid !== null && x.oid === p.oid && x.tid === p.tid,
    );
    if (duplicate)
      return fail(refuse('PARTICIPANT_STATE', 'That person already holds this role in the case.'));
    const participant = {
      participantId: env.ctx.newId(),
      role: p.role,
      name: p.name,
      email: p.email,
      tid: p.tid,
      oid: p.oid,
      addedAt: env.ctx.now.toISOString(),
      removedAt: null,
    };
    return ok({
      events: [{ type: 'ParticipantAdded', participant }],
      effects: [{ kind: 'refreshCaseCard' }],
    });
  },
};

/** Removing a participant: their access ends at once. The trainee cannot be removed. */
export const removeParticipantPolicy: Policy<'removeParticipant'> = {
  label: () => 'Remove a participant',
  candidates: (env) =>
    activeParticipants(env.state)
      .filter((p) => p.role !== 'trainee')
      .map((p) => ({ participantId: p.participantId })),
  paramsOf: (c) => ({ participantId: c.participantId }),
  permit,
  apply: (env, c) => {
    const target = activeParticipants(env.state).find((p) => p.participantId === c.participantId);
    if (target === undefined)
      return fail(
        refuse('UNKNOWN_PARTICIPANT', 'That person is not a current participant in the case.'),
      );
    if (target.role === 'trainee')
      return fail(
        refuse('PARTICIPANT_STATE', 'The trainee cannot be removed from their own case.'),
      );
    const removed: CaseEvent = {
      type: 'ParticipantRemoved',
      participantId: c.participantId,
      at: env.ctx.now.toISOString(),
    };
    return ok({
      events: [removed, ...completedBy(env, removed)],
      effects: [{ kind: 'refreshCaseCard' }],
    });
  },
};

/** If removing an unsigned signer leaves every slot signed, the plan is now fully signed (once per version). */
function completedBy(env: Env, removed: CaseEvent): CaseEvent[] {
  const after = evolve(env.state, removed);
  const current = currentStage(env.ctx.definition, after);
  if (!current.ok) return [];
  const { stage, instance } = current.value;
  const slots = signerSlots(env.ctx.definition, stage, instance, after, env.ctx.settings);
  if (!fullySigned(slots) || instance.fullySignedVersion === instance.plan.version) return [];
  return [
    { type: 'PlanFullySigned', planVersion: instance.plan.version, at: env.ctx.now.toISOString() },
  ];
}
