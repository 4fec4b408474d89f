import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { applicableDuties } from '../../rules/duties';
import { meetingStillNeeded } from './duty-meeting';
import type { CaseEvent } from '../events';
import { rolesParam } from '../settings';
import { currentStage } from '../stage-lookup';
import {
  actingId,
  notify,
  notifyPartners,
  requireRole,
  type Env,
  type Params,
  type Policy,
} from './policy';

function dutyContext(env: Env, dutyId: string) {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const { stage, instance } = current.value;
  const def = stage.duties.find((d) => d.id === dutyId);
  if (def === undefined)
    return fail<never>(refuse('UNKNOWN_DUTY', `${stage.label} has no duty "${dutyId}".`));
  const status = applicableDuties(stage, instance).find((d) => d.id === dutyId);
  const meetingLabel = stage.meetings.find((m) => m.id === def.requiresMeeting)?.label;
  return ok({ def, instance, status, meetingLabel });
}

function permit(env: Env, params: Params): Result<readonly string[]> {
  const c = dutyContext(env, String(params.dutyId));
  if (!c.ok) return fail(c.refusal);
  const { def, status } = c.value;
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, def.by),
    `record "${def.label}"`,
    def.rules,
  );
  if (refusal !== null) return fail(refusal);
  if (status?.applicable !== true)
    return fail(
      refuse(
        'DUTY_NOT_APPLICABLE',
        `"${def.label}" applies only if the trainee ${def.onlyIf?.appeal ?? ''} the right of appeal.`,
        def.rules,
      ),
    );
  const meeting = meetingStillNeeded(def, c.value.instance, c.value.meetingLabel);
  if (meeting !== null) return fail(meeting);
  if (status.done)
    return fail(
      refuse('DUTY_ALREADY_DONE', `"${def.label}" has already been recorded.`, def.rules),
    );
  return ok(def.rules);
}

/** Recording a stage duty as done: agreements, letters, notices, interviews (BF-09, BF-19, ME-43, ME-63..68). */
export const completeDutyPolicy: Policy<'completeDuty'> = {
  label: (env, p) => {
    const c = dutyContext(env, String(p.dutyId));
    return c.ok ? `Record: ${c.value.def.label}` : 'Record a duty';
  },
  candidates: (env) => {
    const current = currentStage(env.ctx.definition, env.state);
    return current.ok ? current.value.stage.duties.map((d) => ({ dutyId: d.id })) : [];
  },
  paramsOf: (c) => ({ dutyId: c.dutyId }),
  permit,
  apply: (env, c, rules) => {
    const ctx = dutyContext(env, c.dutyId);
    if (!ctx.ok) return ctx;
    const { def } = ctx.value;
    const at = env.ctx.now.toISOString();
    const list: CaseEvent[] = [
      { type: 'DutyCompleted', duty: { dutyId: def.id, by: actingId(env), at, notes: c.notes } },
    ];
    if (def.effect === 'appeal-informed') list.push({ type: 'AppealRightInformed', at });
    return ok({
      events: list,
      effects: [...notify(env, def.notify, 'duty-completed', rules), { kind: 'refreshCaseCard' }],
    });
  },
};

function appealPermit(
  env: Env,
  from: readonly string[],
  roles: Parameters<typeof requireRole>[1],
  what: string,
): Result<readonly string[]> {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return fail(current.refusal);
  if (!current.value.stage.appeal)
    return fail(refuse('APPEAL_STATE', `${current.value.stage.label} has no right of appeal.`));
  const refusal = requireRole(env, roles, what, ['ME-65', 'ME-69']);
  if (refusal !== null) return fail(refusal);
  const status = current.value.instance.appeal.status;
  if (!from.includes(status))
    return fail(
      refuse(
        'APPEAL_STATE',
        `The appeal is ${status.replace('-', ' ')}; that cannot be recorded now.`,
        ['ME-65'],
      ),
    );
  return ok(['ME-65', 'ME-66', 'ME-69']);
}

/** The trainee's decision on the right of appeal; declining makes the exit interview due (ME-65, ME-66). */
export const recordAppealDecisionPolicy: Policy<'recordAppealDecision'> = {
  label: () => 'Record the appeal decision',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit: (env) =>
    appealPermit(
      env,
      ['informed'],
      ['trainee', 'director', 'programmeLead'],
      'record the decision on the right of appeal',
    ),
  apply: (env, c) =>
    ok({
      events: [
        { type: 'AppealDecisionRecorded', decision: c.decision, at: env.ctx.now.toISOString() },
      ],
      effects: notifyPartners(env, 'appeal-updated'),
    }),
};

/** The outcome of an appeal heard under the Trainee Appeals Policy (ME-69). */
export const recordAppealOutcomePolicy: Policy<'recordAppealOutcome'> = {
  label: () => 'Record the appeal outcome',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit: (env) =>
    appealPermit(
      env,
      ['lodged'],
      ['director', 'programmeLead'],
      'record the outcome of the appeal',
    ),
  apply: (env, c) =>
    ok({
      events: [
        { type: 'AppealOutcomeRecorded', outcome: c.outcome, at: env.ctx.now.toISOString() },
      ],
      effects: notifyPartners(env, 'appeal-updated'),
    }),
};
