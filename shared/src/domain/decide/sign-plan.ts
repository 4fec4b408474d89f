import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { CaseEvent } from '../events';
import { planHash } from '../plan-hash';
import { fullySigned, signerSlots, slotsHeldBy } from '../signers';
import { currentStage } from '../stage-lookup';
import type { Signature } from '../state';
import { permitPaperSignature, recordPaperSignature } from './paper-signature';
import { nowIso, notify, notifyPartners, type Env, type Params, type Policy } from './policy';

const normalise = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

function context(env: Env) {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const { stage, instance } = current.value;
  if (stage.signatures === undefined) {
    return fail<never>(
      refuse('SIGNATURES_NOT_REQUIRED', `${stage.label} has no plan to sign.`, stage.rules),
    );
  }
  const slots = signerSlots(env.ctx.definition, stage, instance, env.state, env.ctx.settings);
  // Z3, ME-28, ME-33, ME-57: not actor.roles, which also holds provider-wide staff roles that name no row.
  const mine = slotsHeldBy(slots, env.state, env.actor);
  return ok({ stage, instance, slots, mine, rules: stage.signatures.rules });
}

function permit(env: Env, params: Params): Result<readonly string[]> {
  const c = context(env);
  if (!c.ok) return fail(c.refusal);
  const { instance, mine, rules, stage } = c.value;
  if (instance.plan.targets.length === 0)
    return fail(refuse('PLAN_EMPTY', 'There are no targets to sign yet.', rules));
  if (params.planVersion !== undefined && params.planVersion !== instance.plan.version) {
    return fail(
      refuse(
        'PLAN_VERSION_MISMATCH',
        `The plan has changed since you opened it (now version ${instance.plan.version}); review it again before signing.`,
        rules,
      ),
    );
  }
  if (params.paperFor !== undefined)
    return permitPaperSignature(env, c.value.slots, String(params.paperFor), rules);
  const slot = mine.find((s) => params.role === undefined || s.role === params.role);
  if (slot === undefined) {
    return fail(
      refuse(
        'NOT_A_SIGNER',
        `You are not one of the people who sign the ${stage.label} plan (${rules.join(', ')}).`,
        rules,
      ),
    );
  }
  return ok(rules);
}

/** Signing the exact plan version with a typed full name (BF-20, ME-28, ME-33, ME-57, ME-80). Idempotent. */
export const signPlanPolicy: Policy<'signPlan'> = {
  label: () => 'Sign the plan',
  candidates: (env) => {
    const c = context(env);
    if (!c.ok) return [];
    return c.value.mine
      .filter((s) => s.signed === null)
      .map((s) => ({ planVersion: c.value.instance.plan.version, role: s.role }));
  },
  paramsOf: (c): Params => ({
    planVersion: c.planVersion,
    ...(c.role === undefined ? {} : { role: c.role }),
    ...(c.recordedFromPaper === undefined ? {} : { paperFor: c.recordedFromPaper.participantId }),
  }),
  permit,
  apply: (env, command, rules) => {
    const c = context(env);
    if (!c.ok) return c;
    const { instance, mine, slots, stage } = c.value;
    if (command.recordedFromPaper !== undefined)
      return recordPaperSignature(env, command, slots, instance, rules);
    const slot = mine.find((s) => command.role === undefined || s.role === command.role);
    if (slot === undefined)
      return fail(refuse('NOT_A_SIGNER', 'You cannot sign this plan.', rules));
    if (slot.signed !== null) return ok({ events: [], effects: [] }); // a double click or redelivery: already recorded
    const participant = env.state.participants.find(
      (p) => p.role === slot.role && env.actor.participantIds.includes(p.participantId),
    );
    if (participant === undefined)
      return fail(refuse('NOT_A_SIGNER', 'You cannot sign this plan.', rules));
    if (normalise(command.typedFullName) !== normalise(participant.name)) {
      return fail(
        refuse(
          'SIGNATURE_NAME_MISMATCH',
          `Type your full name as it appears on the plan (${participant.name}).`,
          ['ME-80', ...rules],
        ),
      );
    }
    const signature: Signature = {
      participantId: participant.participantId,
      role: slot.role,
      typedFullName: command.typedFullName,
      tid: env.actor.identity.tid,
      oid: env.actor.identity.oid,
      signedAt: nowIso(env),
      planVersion: instance.plan.version,
      planHash: planHash(instance.plan),
    };
    const after = slots.map((s) => (s === slot ? { ...s, signed: signature } : s));
    // Once per plan version, even if a signer joins after the plan was fully signed.
    const done = fullySigned(after) && instance.fullySignedVersion !== instance.plan.version;
    const list: CaseEvent[] = [{ type: 'PlanSigned', signature }];
    if (done)
      list.push({ type: 'PlanFullySigned', planVersion: instance.plan.version, at: nowIso(env) });
    return ok({
      events: list,
      effects: done
        ? notifyPartners(env, 'plan-fully-signed')
        : [
            ...notify(env, ['courseTutor', 'programmeLead'], 'plan-signed', stage.rules),
            { kind: 'refreshCaseCard' },
          ],
    });
  },
};
