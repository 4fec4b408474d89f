import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { CommandOf } from '../commands';
import type { CaseEvent } from '../events';
import { planHash } from '../plan-hash';
import { fullySigned, slotsHeldBy } from '../signers';
import type { Signature, StageInstance } from '../state';
import type { SignerSlot } from '../view';
import { checkPaperDate, fromPaper, permitPaper } from './paper-record';
import { nowIso, notifyPartners, type Decision, type Env } from './policy';

const normalise = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/** The unsigned-or-signed slot the named participant holds, if any. */
function slotOf(env: Env, slots: readonly SignerSlot[], participantId: string) {
  const as = { ...env.actor, participantIds: [participantId] };
  return slotsHeldBy(slots, env.state, as)[0];
}

/** Who may enter a paper signature, for a participant who signs this plan (ME-06, BF-21; ME-28, ME-33, ME-57). */
export function permitPaperSignature(
  env: Env,
  slots: readonly SignerSlot[],
  participantId: string,
  rules: readonly string[],
): Result<readonly string[]> {
  const refusal = permitPaper(env, 'a signature');
  if (refusal !== null) return fail(refusal);
  if (slotOf(env, slots, participantId) === undefined)
    return fail(
      refuse(
        'NOT_A_SIGNER',
        `That participant is not one of the people who sign this plan (${rules.join(', ')}).`,
        rules,
      ),
    );
  return ok(rules);
}

/** A signature given on the paper plan, entered with the date it was signed (issue 11 item 8). */
export function recordPaperSignature(
  env: Env,
  c: CommandOf<'signPlan'>,
  slots: readonly SignerSlot[],
  instance: StageInstance,
  rules: readonly string[],
): Result<Decision> {
  const paper = c.recordedFromPaper;
  if (paper === undefined) return fail(refuse('VALIDATION_FAILED', 'Not a paper signature.'));
  const slot = slotOf(env, slots, paper.participantId);
  const participant = env.state.participants.find((p) => p.participantId === paper.participantId);
  if (slot === undefined || participant === undefined)
    return fail(refuse('NOT_A_SIGNER', 'That participant does not sign this plan.', rules));
  if (slot.signed !== null) return ok({ events: [], effects: [] });
  if (normalise(c.typedFullName) !== normalise(participant.name))
    return fail(
      refuse(
        'SIGNATURE_NAME_MISMATCH',
        `Type the signer's full name as it appears on the plan (${participant.name}).`,
        ['ME-80', ...rules],
      ),
    );
  const dated = checkPaperDate(env, paper.signedOn, 'A signature', {
    date: instance.startedOn,
    what: 'the stage started',
  });
  if (dated !== null) return fail(dated);
  const signature: Signature = {
    participantId: participant.participantId,
    role: slot.role,
    typedFullName: c.typedFullName,
    // The person who entered it here authenticated; the signer signed on paper.
    tid: env.actor.identity.tid,
    oid: env.actor.identity.oid,
    signedAt: `${paper.signedOn}T12:00:00.000Z`,
    planVersion: instance.plan.version,
    planHash: planHash(instance.plan),
    fromPaper: fromPaper(env),
  };
  const after = slots.map((s) => (s === slot ? { ...s, signed: signature } : s));
  const done = fullySigned(after) && instance.fullySignedVersion !== instance.plan.version;
  const list: CaseEvent[] = [{ type: 'PlanSigned', signature }];
  if (done)
    list.push({ type: 'PlanFullySigned', planVersion: instance.plan.version, at: nowIso(env) });
  return ok({
    events: list,
    effects: done ? notifyPartners(env, 'plan-fully-signed') : [{ kind: 'refreshCaseCard' }],
  });
}
