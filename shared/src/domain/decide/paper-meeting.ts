import { todayInUk } from '../../calendar';
import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { CommandOf } from '../commands';
import type { Meeting, StageInstance } from '../state';
import { checkPaperDate, fromPaper, paperRules, permitPaper } from './paper-record';
import { actingId, type Decision, type Env } from './policy';

/**
 * A meeting held before the case was moved in, recorded from paper (issue 11 item 8): scheduled
 * and held at once, with its real time, no invitation sent and no Teams meeting created.
 */
export function recordPaperMeeting(
  env: Env,
  c: CommandOf<'scheduleMeeting'>,
  label: string,
  instance: StageInstance,
): Result<Decision> {
  const paper = c.recordedFromPaper;
  if (paper === undefined) return fail(refuse('VALIDATION_FAILED', 'Not a paper meeting.'));
  const day = todayInUk(new Date(c.start));
  const refusal =
    permitPaper(env, `the ${label}`) ??
    (new Date(c.start) > env.ctx.now
      ? refuse(
          'PAPER_DATE_IN_FUTURE',
          `The ${label} at ${c.start} has not happened yet: only a past meeting can be recorded from paper (${paperRules(env).join(', ')}).`,
          paperRules(env),
        )
      : null) ??
    checkPaperDate(env, day, `The ${label}`, {
      date: instance.startedOn,
      what: 'the stage started',
    });
  if (refusal !== null) return fail(refusal);
  const marked = fromPaper(env);
  const meeting: Meeting = {
    meetingId: env.ctx.newId(),
    definitionId: c.meetingDefinitionId,
    start: c.start,
    durationMinutes: c.durationMinutes,
    online: c.online,
    attendees: c.attendees,
    scheduledBy: actingId(env),
    status: 'scheduled',
    notes: null,
    fromPaper: marked,
  };
  return ok({
    events: [
      { type: 'MeetingScheduled', meeting },
      { type: 'MeetingHeld', meetingId: meeting.meetingId, notes: paper.notes },
    ],
    effects: [{ kind: 'refreshCaseCard' }],
  });
}
