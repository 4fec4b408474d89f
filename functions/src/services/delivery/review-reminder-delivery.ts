/**
 * The review-date reminder (issue 9 §3): a calendar event on the review date in the organiser's
 * calendar (the case's Course Tutor; the Programme Lead where the case has none), inviting the
 * stage's reviewers, with Outlook's reminder on. Moving the date PATCHes the same event; the
 * stage or case ending cancels it. The subject and body are neutral (no category, no concern).
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import { rolesParam } from '@shared/domain/settings';
import type { CaseState, StageInstance } from '@shared/domain/state';
import type { Deadline } from '../../infrastructure/graph/deadline';
import type { GraphHttp } from '../../infrastructure/graph/graph-http';
import type { ProviderContext } from '../provider-directory';
import { firstName } from './outbound-text';
import { mailboxId, personOf, type GraphPerson } from './recipients';

/** Graph's idempotency key for a stage's reminder: a retry never double-books (user-post-events.md). */
export const reminderTransactionId = (caseId: string, instanceId: string): string =>
  `support-review-${caseId}-${instanceId}`;

/** A day before the 09:00 start: the reviewers are reminded at 09:00 the day before. */
export const reminderMinutesBeforeStart = 1440;

const organizerRoles = ['courseTutor', 'programmeLead'] as const;

function active(state: CaseState) {
  return state.participants.filter((p) => p.removedAt === null);
}

function organizerOf(provider: ProviderContext, state: CaseState): GraphPerson | undefined {
  for (const role of organizerRoles) {
    const p = active(state).find((x) => x.role === role);
    const person =
      p === undefined ? undefined : personOf(state, provider.settings.staff, p.participantId);
    if (person !== undefined && mailboxId(person) !== null) return person;
  }
  return undefined;
}

function reviewersOf(provider: ProviderContext, state: CaseState, stage: StageInstance) {
  const def = provider.definition.stages.find((s) => s.id === stage.stageId)?.review;
  const roles = def === undefined ? [] : rolesParam(provider.resolved, def.by);
  return active(state)
    .filter((p) => roles.includes(p.role) && p.email !== null)
    .map((p) => ({
      emailAddress: { address: p.email ?? '', name: p.name },
      type: 'required' as const,
    }));
}

function findInstance(state: CaseState, instanceId: string): StageInstance | undefined {
  return [...(state.current === null ? [] : [state.current]), ...state.completedStages].find(
    (s) => s.instanceId === instanceId,
  );
}

const slot = (date: string) => ({
  start: { dateTime: `${date}T09:00:00`, timeZone: 'Europe/London' },
  end: { dateTime: `${date}T09:30:00`, timeZone: 'Europe/London' },
});

function eventsPath(organizer: GraphPerson): string {
  return `/users/${encodeURIComponent(mailboxId(organizer) ?? '')}/events`;
}

/** `POST /users/{organiser}/events` the first time; `PATCH /users/{organiser}/events/{id}` on a move. */
export async function putReviewReminder(
  graph: GraphHttp,
  provider: ProviderContext,
  state: CaseState,
  instanceId: string,
  reviewDate: string,
  caseUrl: string,
  deadline?: Deadline,
): Promise<DeliveryReport | string> {
  const stage = state.current;
  // The stage ended before the reminder went out: nothing to remind anyone of.
  if (stage === null || stage.instanceId !== instanceId) return { kind: 'nothing' };
  const organizer = organizerOf(provider, state);
  if (organizer === undefined)
    return 'the case has no Course Tutor or Programme Lead with a mailbox';
  const tenantId = organizer.tenantId ?? provider.settings.tenants[0] ?? '';
  const sent = stage.reviewReminder;
  if (sent !== undefined && sent.status === 'sent') {
    if (sent.reviewDate !== reviewDate)
      await graph.call(
        tenantId,
        'PATCH',
        `${eventsPath(organizer)}/${encodeURIComponent(sent.graphEventId)}`,
        slot(reviewDate),
        deadline,
      );
    return {
      kind: 'review-reminder-sent',
      instanceId,
      graphEventId: sent.graphEventId,
      reviewDate,
    };
  }
  const created = (await graph.call(
    tenantId,
    'POST',
    eventsPath(organizer),
    {
      subject: `Support plan review: ${firstName(state)}`,
      body: {
        contentType: 'text',
        content: `The support plan review is due today.\n\nOpen it in Teams: ${caseUrl}`,
      },
      ...slot(reviewDate),
      attendees: reviewersOf(provider, state, stage).filter(
        (a) => a.emailAddress.address !== organizer.mail,
      ),
      isOnlineMeeting: false,
      isReminderOn: true,
      reminderMinutesBeforeStart,
      showAs: 'free',
      allowNewTimeProposals: false,
      transactionId: reminderTransactionId(state.caseId, instanceId),
    },
    deadline,
  )) as { id?: unknown; start?: { dateTime?: unknown } };
  if (typeof created.id !== 'string') return 'Graph answered without an event id';
  // A retry after a lost answer gets the first event back (same transactionId): move it if needed.
  if (created.start?.dateTime !== slot(reviewDate).start.dateTime)
    await graph.call(
      tenantId,
      'PATCH',
      `${eventsPath(organizer)}/${encodeURIComponent(created.id)}`,
      slot(reviewDate),
      deadline,
    );
  return { kind: 'review-reminder-sent', instanceId, graphEventId: created.id, reviewDate };
}

/** `POST /users/{organiser}/events/{id}/cancel`: the reviewers get a cancellation. */
export async function cancelReviewReminder(
  graph: GraphHttp,
  provider: ProviderContext,
  state: CaseState,
  instanceId: string,
  deadline?: Deadline,
): Promise<DeliveryReport | string> {
  const sent = findInstance(state, instanceId)?.reviewReminder;
  if (sent === undefined || sent.status !== 'sent') return { kind: 'nothing' };
  const organizer = organizerOf(provider, state);
  if (organizer === undefined)
    return 'the case has no Course Tutor or Programme Lead with a mailbox';
  await graph.call(
    organizer.tenantId ?? provider.settings.tenants[0] ?? '',
    'POST',
    `${eventsPath(organizer)}/${encodeURIComponent(sent.graphEventId)}/cancel`,
    { comment: 'This review reminder is no longer needed.' },
    deadline,
  );
  return { kind: 'review-reminder-cancelled', instanceId };
}
