import type { StageView } from '../domain/view';
import type { Meeting } from '../domain/state';
import type { CardElement } from './card-types';
import { container, heading, paragraph, run } from './elements';
import { formatInstant } from './format';
import { neutralise, truncate } from './safe-text';

/** An `Action.OpenUrl` to a Teams join link (https only; anything else is not offered). */
export function joinAction(meeting: Meeting): CardElement | null {
  const url = meeting.invitation?.joinUrl ?? null;
  return url !== null && url.startsWith('https://')
    ? { type: 'Action.OpenUrl', title: 'Join the meeting', url }
    : null;
}

function invitationLine(meeting: Meeting): CardElement {
  const invitation = meeting.invitation;
  if (meeting.status === 'held') return run(' (held)', { color: 'Good' });
  if (invitation === undefined) return run(' (invitations on their way)', { isSubtle: true });
  if (invitation.status === 'failed')
    return run(
      ` (invitation not sent: ${truncate(neutralise(invitation.failure ?? 'unknown'), 120)}; retry)`,
      {
        color: 'Attention',
        weight: 'Bolder',
      },
    );
  return run(' (invitations sent)', { isSubtle: true });
}

/**
 * The stage's meetings that still stand (scheduled or held), with their time in UK time, the
 * invitation state and, once Graph has created it, the Teams join link (issue 11 item 16).
 */
export function meetingSection(stage: StageView): CardElement[] {
  const standing = stage.meetings.filter((m) => m.status !== 'cancelled');
  if (standing.length === 0) return [];
  const label = (m: Meeting) =>
    stage.requiredMeetings.find((r) => r.id === m.definitionId)?.label ?? 'Meeting';
  const rows = standing.map((m) => {
    const join = joinAction(m);
    return container([
      paragraph(
        run(`${label(m)}: `, { weight: 'Bolder' }),
        run(formatInstant(m.start)),
        invitationLine(m),
      ),
      ...(join === null ? [] : [{ type: 'ActionSet', actions: [join] } satisfies CardElement]),
    ]);
  });
  return [heading('Meetings'), ...rows];
}
