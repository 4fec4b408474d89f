import type { CaseEvent } from '../domain/events';
import type { CaseState } from '../domain/state';
import type { ProcedureDefinition } from '../procedures/schema';

type DeliveryEvent = Extract<
  CaseEvent,
  {
    type:
      | 'MeetingInvitationSent'
      | 'MeetingCancellationSent'
      | 'NotificationDelivered'
      | 'EffectFailed'
      | 'EffectRetried';
  }
>;

const channelWords = {
  'activity-feed': 'Teams activity feed',
  bot: 'Teams chat',
  email: 'email',
} as const;

/** A participant's name; `staff:{oid}` is provider-wide staff not on the case (`roleRecipients`). */
function nameOf(state: CaseState, participantId: string): string {
  const name = state.participants.find((p) => p.participantId === participantId)?.name;
  if (name !== undefined) return name;
  return participantId.startsWith('staff:')
    ? "the provider's staff (not on the case)"
    : 'a participant';
}

function meetingWords(definition: ProcedureDefinition, state: CaseState, meetingId: string) {
  const meeting = state.current?.meetings.find((m) => m.meetingId === meetingId);
  const stage = definition.stages.find((s) => s.id === state.current?.stageId);
  const def = stage?.meetings.find((m) => m.id === meeting?.definitionId);
  return { label: def?.label ?? 'the meeting', rules: def?.rules ?? [] };
}

/** Plain English for the relay's delivery events (invitations, notifications, failures, retries). */
export function describeDelivery(
  definition: ProcedureDefinition,
  state: CaseState,
  event: CaseEvent,
): { summary: string; changes: string[]; rules: readonly string[] } | undefined {
  const e = event as DeliveryEvent;
  switch (e.type) {
    case 'MeetingInvitationSent': {
      const m = meetingWords(definition, state, e.meetingId);
      return {
        summary: `Teams invitation sent for ${m.label} to ${String(e.attendees.length)} attendee(s)`,
        changes:
          e.joinUrl === null ? ['No Teams join link (in person)'] : ['Teams join link added'],
        rules: m.rules,
      };
    }
    case 'MeetingCancellationSent':
      return {
        summary: `Cancellation sent for ${meetingWords(definition, state, e.meetingId).label}`,
        changes: [],
        rules: [],
      };
    case 'NotificationDelivered':
      return {
        summary: `Notification delivered to ${nameOf(state, e.recipient)} by ${channelWords[e.channel]}`,
        changes: [],
        rules: [],
      };
    case 'EffectFailed':
      return {
        summary: `Delivery failed (${e.kind}): ${e.reason}`,
        changes: [`Effect ${e.effectId} can be retried`],
        rules: [],
      };
    case 'EffectRetried':
      return { summary: `Delivery ${e.effectId} retried`, changes: [], rules: [] };
    default:
      return undefined;
  }
}
