import type { NotificationTemplate } from '../effects';

/**
 * What the due-date index can hold for a case (issue 9 §3, ADR 0011): a reminder or a chase that
 * falls due on a UK day. `overdue` is the overdue ladder (recorded as `ReviewOverdueFlagged`);
 * the others are recorded as `TimedReminderIssued`.
 */
export type DueKind =
  | 'review-soon'
  | 'review-today'
  | 'overdue'
  | 'signatures-missing'
  | 'window-closing'
  /** A concern raised at the school the course tutor has not acknowledged in a working day (ME-05). */
  | 'concern-unacknowledged';

/** The kinds recorded as `TimedReminderIssued` (the overdue ladder has its own event). */
export type TimedReminderKind = Exclude<DueKind, 'overdue'>;

/** The notification each kind sends (activity types declared in the manifest). */
export const dueTemplate: Readonly<Record<DueKind, NotificationTemplate>> = {
  'review-soon': 'review-due',
  'review-today': 'review-due-today',
  overdue: 'review-overdue',
  'signatures-missing': 'signatures-missing',
  'window-closing': 'window-closing',
  'concern-unacknowledged': 'contact-not-acknowledged',
};

/** How a timed reminder is remembered on the case: `{kind}:{occurrence}`. */
export function reminderKey(kind: TimedReminderKind, occurrence: string): string {
  return `${kind}:${occurrence}`;
}
