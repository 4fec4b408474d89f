import { scheduleMeetingCard, verbs } from '@shared/cards';
import { addCalendarDays, todayInUk } from '@shared/calendar';
import { caseCommandSchema } from '@shared/domain/commands';
import { refuse } from '@shared/errors/refusal';
import { cardReply, refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import { ukLocalToUtc } from '../uk-time';
import type { CardActionContext, CardActionHandler, CardActionReply } from './card-action-context';
import { afterCommand } from './show-case';

async function form(
  c: CardActionContext,
  caseId: string,
  meetingId: string,
  error?: string,
): Promise<CardActionReply> {
  const view = await c.deps.service.getCase(c.who, caseId);
  if (!view.ok) return refusalReply(view.refusal);
  const meeting = view.value.stage?.requiredMeetings.find((m) => m.id === meetingId);
  const allowed = view.value.available.some(
    (a) => a.type === 'scheduleMeeting' && a.params.meetingDefinitionId === meetingId,
  );
  if (meeting === undefined || !allowed) {
    return refusalReply(
      refuse('MEETING_NOT_REQUIRED', 'You cannot schedule this meeting on the case now.'),
      caseId,
    );
  }
  const input = {
    caseId,
    traineeName: view.value.trainee.name,
    meeting,
    people: view.value.participants,
    defaultDate: addCalendarDays(todayInUk(c.deps.now()), 1),
  };
  return cardReply(scheduleMeetingCard(error === undefined ? input : { ...input, error }));
}

/** `openScheduleMeeting`: the form, attendees prefilled from the roles the stage requires. */
export const openScheduleMeeting: CardActionHandler<'openScheduleMeeting'> = (data, c) =>
  form(c, data.caseId, data.meetingDefinitionId);

/** `scheduleMeeting`: schedules through the service (the invitations go out as its effects). */
export const scheduleMeeting: CardActionHandler<'scheduleMeeting'> = async (data, c) => {
  const start = ukLocalToUtc(data.date, data.time);
  const parsed = caseCommandSchema.safeParse({
    type: 'scheduleMeeting',
    meetingDefinitionId: data.meetingDefinitionId,
    start,
    durationMinutes: data.durationMinutes,
    online: data.online !== 'false',
    attendees: data.attendees.split(',').filter((id) => id !== ''),
  });
  if (start === null || !parsed.success)
    return form(
      c,
      data.caseId,
      data.meetingDefinitionId,
      'Check the date, time, duration (10 to 480 minutes) and attendees.',
    );
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.scheduleMeeting,
    data.caseId,
    data.meetingDefinitionId,
  ]);
  const result = await c.deps.service.execute(c.who, data.caseId, parsed.data, commandId);
  if (!result.ok) return form(c, data.caseId, data.meetingDefinitionId, result.refusal.message);
  return afterCommand(
    c,
    result.value.view,
    'The meeting is scheduled; invitations are on their way.',
  );
};
