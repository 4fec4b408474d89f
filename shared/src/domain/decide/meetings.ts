import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { activeParticipants, holdsAny } from '../actor';
import { rolesParam } from '../settings';
import { currentStage } from '../stage-lookup';
import { missingAttendees } from './meeting-attendees';
import { recordPaperMeeting } from './paper-meeting';
import { actingId, requireRole, type Env, type Params, type Policy } from './policy';

function meetingDef(env: Env, id: string) {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const def = current.value.stage.meetings.find((m) => m.id === id);
  if (def === undefined)
    return fail<never>(
      refuse('MEETING_NOT_REQUIRED', `${current.value.stage.label} has no meeting "${id}".`),
    );
  return ok({ def, instance: current.value.instance });
}

function permitSchedule(env: Env, params: Params): Result<readonly string[]> {
  const m = meetingDef(env, String(params.meetingDefinitionId));
  if (!m.ok) return fail(m.refusal);
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, m.value.def.scheduledBy),
    `schedule the ${m.value.def.label}`,
    m.value.def.rules,
  );
  return refusal === null ? ok(m.value.def.rules) : fail(refusal);
}

/** Scheduling a stage's meeting with its required participants, online where required (BF-05, BF-13, ME-43..46). */
export const scheduleMeetingPolicy: Policy<'scheduleMeeting'> = {
  label: (env, p) => {
    const m = meetingDef(env, String(p.meetingDefinitionId));
    return `Schedule: ${m.ok ? m.value.def.label : 'meeting'}`;
  },
  // Offered only while the stage still needs the meeting: none scheduled or held yet (issue 11 item 16).
  candidates: (env) => {
    const current = currentStage(env.ctx.definition, env.state);
    if (!current.ok) return [];
    const standing = current.value.instance.meetings.filter((m) => m.status !== 'cancelled');
    return current.value.stage.meetings
      .filter((m) => !standing.some((s) => s.definitionId === m.id))
      .map((m) => ({ meetingDefinitionId: m.id }));
  },
  paramsOf: (c) => ({ meetingDefinitionId: c.meetingDefinitionId }),
  permit: permitSchedule,
  apply: (env, c, rules) => {
    const m = meetingDef(env, c.meetingDefinitionId);
    if (!m.ok) return m;
    const { def } = m.value;
    if (def.online === true && !c.online) {
      return fail(
        refuse(
          'MEETING_MUST_BE_ONLINE',
          `The ${def.label} must be held online (${rules.join(', ')}).`,
          rules,
        ),
      );
    }
    const active = activeParticipants(env.state);
    const unknown = c.attendees.filter((id) => !active.some((p) => p.participantId === id));
    if (unknown.length > 0)
      return fail(
        refuse(
          'UNKNOWN_PARTICIPANT',
          'Every attendee must be a current participant in the case.',
          rules,
          { unknown },
        ),
      );
    const attendance = missingAttendees(env.ctx.definition, def, active, c.attendees);
    if (attendance !== null) return fail(attendance);
    if (c.recordedFromPaper !== undefined)
      return recordPaperMeeting(env, c, def.label, m.value.instance);
    const invited = active.filter((p) => c.attendees.includes(p.participantId));
    // Invitations go by email address (school staff in other tenants too): everyone needs one.
    const noAddress = invited.filter((p) => p.email === null);
    if (noAddress.length > 0) {
      return fail(
        refuse(
          'ATTENDEE_EMAIL_MISSING',
          `Add an email address for ${noAddress.map((p) => p.name).join(', ')} before scheduling: the invitation goes by email (${rules.join(', ')}).`,
          rules,
          { participantIds: noAddress.map((p) => p.participantId) },
        ),
      );
    }
    const meetingId = env.ctx.newId();
    const meeting = {
      meetingId,
      definitionId: def.id,
      start: c.start,
      durationMinutes: c.durationMinutes,
      online: c.online,
      attendees: c.attendees,
      scheduledBy: actingId(env),
      status: 'scheduled' as const,
      notes: null,
    };
    const recipients = invited.map((p) => p.participantId);
    return ok({
      events: [{ type: 'MeetingScheduled', meeting }],
      effects: [
        { kind: 'createMeeting', meetingId },
        { kind: 'notify', template: 'meeting-scheduled', recipients, rules },
        { kind: 'refreshCaseCard' },
      ],
    });
  },
};

function permitManage(env: Env, params: Params): Result<readonly string[]> {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return fail(current.refusal);
  const meeting = current.value.instance.meetings.find((m) => m.meetingId === params.meetingId);
  if (meeting === undefined)
    return fail(refuse('UNKNOWN_MEETING', 'That meeting is not part of the current stage.'));
  if (meeting.status !== 'scheduled')
    return fail(refuse('MEETING_STATE', `That meeting is already ${meeting.status}.`));
  const def = current.value.stage.meetings.find((m) => m.id === meeting.definitionId);
  const by = def === undefined ? [] : rolesParam(env.ctx.settings, def.scheduledBy);
  const attending =
    meeting.attendees.some((id) => env.actor.participantIds.includes(id)) &&
    !holdsAny(env.actor, ['trainee']);
  if (!holdsAny(env.actor, by) && !attending)
    return fail(
      refuse(
        'ROLE_NOT_ALLOWED',
        'Only the organiser or a staff attendee can update this meeting.',
        def?.rules ?? [],
      ),
    );
  return ok(def?.rules ?? []);
}

const scheduledMeetings = (env: Env) =>
  env.state.current?.meetings
    .filter((m) => m.status === 'scheduled')
    .map((m) => ({ meetingId: m.meetingId })) ?? [];

/** Recording that a meeting was held, with its notes (BF-06..09, ME-29). */
export const recordMeetingHeldPolicy: Policy<'recordMeetingHeld'> = {
  label: () => 'Record the meeting as held',
  candidates: scheduledMeetings,
  paramsOf: (c) => ({ meetingId: c.meetingId }),
  permit: permitManage,
  apply: (_env, c) =>
    ok({
      events: [{ type: 'MeetingHeld', meetingId: c.meetingId, notes: c.notes }],
      effects: [{ kind: 'refreshCaseCard' }],
    }),
};

/** Cancelling a scheduled meeting. */
export const cancelMeetingPolicy: Policy<'cancelMeeting'> = {
  label: () => 'Cancel the meeting',
  candidates: scheduledMeetings,
  paramsOf: (c) => ({ meetingId: c.meetingId }),
  permit: permitManage,
  apply: (env, c, rules) => {
    const meeting = env.state.current?.meetings.find((m) => m.meetingId === c.meetingId);
    const recipients = meeting?.attendees ?? [];
    return ok({
      events: [{ type: 'MeetingCancelled', meetingId: c.meetingId, reason: c.reason }],
      effects: [
        { kind: 'cancelMeeting', meetingId: c.meetingId },
        { kind: 'notify', template: 'meeting-cancelled', recipients, rules },
      ],
    });
  },
};
