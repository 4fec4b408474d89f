import type { DeliveryReport } from '@shared/domain/delivery';
import type { CaseState } from '@shared/domain/state';
import type { Deadline } from '../../infrastructure/graph/deadline';
import type { GraphHttp } from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import { londonDateTime } from './london-time';
import { meetingBody, meetingSubject } from './outbound-text';
import { findMeeting, mailboxId, personOf, stageOfMeeting, type GraphPerson } from './recipients';

/** Graph's idempotency key for a meeting's event: a retry never double-books (user-post-events.md). */
export const meetingTransactionId = (meetingId: string): string => `support-meeting-${meetingId}`;

interface Organizer {
  readonly person: GraphPerson;
  readonly tenantId: string;
  readonly userId: string;
}

function organizerOf(
  provider: ProviderContext,
  state: CaseState,
  scheduledBy: string,
): Organizer | string {
  const person = personOf(state, provider.settings.staff, scheduledBy);
  const userId = person === undefined ? null : mailboxId(person);
  if (person === undefined || userId === null)
    return 'the organiser has no mailbox (no email address or sign-in)';
  return { person, tenantId: person.tenantId ?? provider.settings.tenants[0] ?? '', userId };
}

/** `POST /users/{organiser}/events`: a Teams meeting in the organiser's calendar; Graph invites the attendees. */
export async function createMeeting(
  graph: GraphHttp,
  provider: ProviderContext,
  state: CaseState,
  meetingId: string,
  caseUrl: string,
  deadline?: Deadline,
): Promise<DeliveryReport | string> {
  const meeting = findMeeting(state, meetingId);
  if (
    meeting === undefined ||
    meeting.status === 'cancelled' ||
    meeting.invitation?.status === 'sent'
  )
    return { kind: 'nothing' };
  const organizer = organizerOf(provider, state, meeting.scheduledBy);
  if (typeof organizer === 'string') return organizer;
  const invited = meeting.attendees
    .map((id) => personOf(state, provider.settings.staff, id))
    .filter((p): p is GraphPerson => p !== undefined && p.mail !== null)
    .filter((p) => p.participantId !== organizer.person.participantId);
  const stageId = stageOfMeeting(state, meetingId);
  const def = provider.definition.stages
    .find((s) => s.id === stageId)
    ?.meetings.find((m) => m.id === meeting.definitionId);
  const start = new Date(meeting.start);
  const end = new Date(start.getTime() + meeting.durationMinutes * 60_000);
  const created = (await graph.call(
    organizer.tenantId,
    'POST',
    `/users/${encodeURIComponent(organizer.userId)}/events`,
    {
      subject: meetingSubject(state),
      body: { contentType: 'text', content: meetingBody(def?.agenda ?? [], caseUrl) },
      start: londonDateTime(start),
      end: londonDateTime(end),
      attendees: invited.map((p) => ({
        emailAddress: { address: p.mail, name: p.name },
        type: 'required',
      })),
      isOnlineMeeting: meeting.online,
      ...(meeting.online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
      allowNewTimeProposals: false,
      transactionId: meetingTransactionId(meetingId),
    },
    deadline,
  )) as { id?: unknown; onlineMeeting?: { joinUrl?: unknown } | null };
  if (typeof created.id !== 'string') return 'Graph answered without an event id';
  const joinUrl = created.onlineMeeting?.joinUrl;
  return {
    kind: 'meeting-created',
    meetingId,
    graphEventId: created.id,
    joinUrl: typeof joinUrl === 'string' ? joinUrl : null,
    attendees: invited.map((p) => p.participantId),
  };
}

/** `POST /users/{organiser}/events/{id}/cancel`: Graph sends the attendees a cancellation. */
export async function cancelMeeting(
  graph: GraphHttp,
  provider: ProviderContext,
  state: CaseState,
  meetingId: string,
  deadline?: Deadline,
): Promise<DeliveryReport | string> {
  const meeting = findMeeting(state, meetingId);
  const eventId = meeting?.invitation?.graphEventId ?? null;
  // Never put in a calendar (or already cancelled there): nobody needs a cancellation.
  if (
    meeting === undefined ||
    eventId === null ||
    meeting.invitation?.status === 'cancellation-sent'
  )
    return { kind: 'nothing' };
  const organizer = organizerOf(provider, state, meeting.scheduledBy);
  if (typeof organizer === 'string') return organizer;
  const path = `/users/${encodeURIComponent(organizer.userId)}/events/${encodeURIComponent(eventId)}/cancel`;
  await graph.call(
    organizer.tenantId,
    'POST',
    path,
    {
      comment: 'This support meeting has been cancelled.',
    },
    deadline,
  );
  return { kind: 'meeting-cancelled', meetingId };
}
