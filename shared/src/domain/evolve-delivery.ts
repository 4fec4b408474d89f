import type { CaseEvent } from './events';
import type { CaseState, Meeting, MeetingInvitation, StageInstance } from './state';

/** The events the outbox relay (and the retry command) record. */
export type DeliveryEvent = Extract<
  CaseEvent,
  {
    type:
      | 'MeetingInvitationSent'
      | 'MeetingCancellationSent'
      | 'ReviewReminderSent'
      | 'ReviewReminderCancelled'
      | 'NotificationDelivered'
      | 'EffectFailed'
      | 'EffectRetried';
  }
>;

function withMeeting(
  state: CaseState,
  meetingId: string,
  update: (meeting: Meeting) => Meeting,
): CaseState {
  const inStage = (stage: StageInstance): StageInstance =>
    stage.meetings.some((m) => m.meetingId === meetingId)
      ? {
          ...stage,
          meetings: stage.meetings.map((m) => (m.meetingId === meetingId ? update(m) : m)),
        }
      : stage;
  return {
    ...state,
    current: state.current === null ? null : inStage(state.current),
    completedStages: state.completedStages.map(inStage),
  };
}

function withInstance(
  state: CaseState,
  instanceId: string,
  update: (stage: StageInstance) => StageInstance,
): CaseState {
  const inStage = (stage: StageInstance): StageInstance =>
    stage.instanceId === instanceId ? update(stage) : stage;
  return {
    ...state,
    current: state.current === null ? null : inStage(state.current),
    completedStages: state.completedStages.map(inStage),
  };
}

function invitation(meeting: Meeting, change: Partial<MeetingInvitation>, at: string): Meeting {
  const base: MeetingInvitation = meeting.invitation ?? {
    status: 'sent',
    graphEventId: null,
    joinUrl: null,
    failure: null,
    at,
  };
  return { ...meeting, invitation: { ...base, ...change, at } };
}

/** Applies a delivery event: the join link on the meeting, failures kept until retried. */
export function evolveDelivery(state: CaseState, event: DeliveryEvent): CaseState {
  const failures = state.deliveryFailures ?? [];
  switch (event.type) {
    case 'MeetingInvitationSent':
      return withMeeting(state, event.meetingId, (m) =>
        invitation(
          m,
          {
            status: 'sent',
            graphEventId: event.graphEventId,
            joinUrl: event.joinUrl,
            failure: null,
          },
          event.at,
        ),
      );
    case 'MeetingCancellationSent':
      return withMeeting(state, event.meetingId, (m) =>
        invitation(m, { status: 'cancellation-sent', failure: null }, event.at),
      );
    case 'ReviewReminderSent':
      return withInstance(state, event.instanceId, (stage) => ({
        ...stage,
        reviewReminder: {
          graphEventId: event.graphEventId,
          reviewDate: event.reviewDate,
          status: 'sent',
          at: event.at,
        },
      }));
    case 'ReviewReminderCancelled':
      return withInstance(state, event.instanceId, (stage) =>
        stage.reviewReminder === undefined
          ? stage
          : {
              ...stage,
              reviewReminder: { ...stage.reviewReminder, status: 'cancelled', at: event.at },
            },
      );
    case 'NotificationDelivered':
      return state;
    case 'EffectFailed': {
      const next: CaseState = {
        ...state,
        deliveryFailures: [
          ...failures.filter((f) => f.effectId !== event.effectId),
          {
            effectId: event.effectId,
            kind: event.kind,
            meetingId: event.meetingId,
            reason: event.reason,
            at: event.at,
            effect: event.effect,
          },
        ],
      };
      return event.meetingId === null
        ? next
        : withMeeting(next, event.meetingId, (m) =>
            invitation(m, { status: 'failed', failure: event.reason }, event.at),
          );
    }
    case 'EffectRetried':
      return { ...state, deliveryFailures: failures.filter((f) => f.effectId !== event.effectId) };
  }
}
