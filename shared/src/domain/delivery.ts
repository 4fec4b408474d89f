import type { Effect } from './effects';
import type { CaseEvent } from './events';

/** How a notification reached its recipient. */
export type DeliveryChannel = 'activity-feed' | 'bot' | 'email';

/** The id of one outbox effect: the seq its command reached and its index, e.g. `12-001`. */
export type EffectId = string;

/** What the relay reports for one effect; the service turns it into events. */
export type DeliveryReport =
  | {
      readonly kind: 'meeting-created';
      readonly meetingId: string;
      readonly graphEventId: string;
      readonly joinUrl: string | null;
      readonly attendees: readonly string[];
    }
  | { readonly kind: 'meeting-cancelled'; readonly meetingId: string }
  | {
      readonly kind: 'review-reminder-sent';
      readonly instanceId: string;
      readonly graphEventId: string;
      readonly reviewDate: string;
    }
  | { readonly kind: 'review-reminder-cancelled'; readonly instanceId: string }
  | {
      readonly kind: 'notified';
      readonly template: string;
      readonly deliveries: readonly {
        readonly recipient: string;
        readonly channel: DeliveryChannel;
      }[];
      /** Recipients not reached: the effect narrowed to them, kept for a retry. */
      readonly failed: { readonly reason: string; readonly effect: Effect } | null;
    }
  | { readonly kind: 'failed'; readonly reason: string; readonly effect: Effect }
  /** Nothing to record (an effect the relay has no channel for, e.g. a card refresh). */
  | { readonly kind: 'nothing' };

/** The meeting an effect is about, if any. */
export function meetingOf(effect: Effect): string | null {
  return effect.kind === 'createMeeting' || effect.kind === 'cancelMeeting'
    ? effect.meetingId
    : null;
}

/** The events that record one effect's delivery report on the case (empty: nothing to record). */
export function deliveryEvents(
  effectId: EffectId,
  effectKind: string,
  report: DeliveryReport,
  at: string,
): CaseEvent[] {
  switch (report.kind) {
    case 'meeting-created':
      return [
        {
          type: 'MeetingInvitationSent',
          effectId,
          meetingId: report.meetingId,
          graphEventId: report.graphEventId,
          joinUrl: report.joinUrl,
          attendees: report.attendees,
          at,
        },
      ];
    case 'meeting-cancelled':
      return [{ type: 'MeetingCancellationSent', effectId, meetingId: report.meetingId, at }];
    case 'review-reminder-sent':
      return [
        {
          type: 'ReviewReminderSent',
          effectId,
          instanceId: report.instanceId,
          graphEventId: report.graphEventId,
          reviewDate: report.reviewDate,
          at,
        },
      ];
    case 'review-reminder-cancelled':
      return [{ type: 'ReviewReminderCancelled', effectId, instanceId: report.instanceId, at }];
    case 'notified':
      return [
        ...report.deliveries.map((d): CaseEvent => ({
          type: 'NotificationDelivered',
          effectId,
          template: report.template,
          recipient: d.recipient,
          channel: d.channel,
          at,
        })),
        ...(report.failed === null
          ? []
          : deliveryEvents(effectId, effectKind, { kind: 'failed', ...report.failed }, at)),
      ];
    case 'failed':
      return [
        {
          type: 'EffectFailed',
          effectId,
          kind: effectKind,
          meetingId: meetingOf(report.effect),
          reason: report.reason,
          effect: report.effect,
          at,
        },
      ];
    case 'nothing':
      return [];
  }
}
