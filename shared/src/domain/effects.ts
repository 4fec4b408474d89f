/** What a notification is about. Templates carry ids only; hosting renders neutral text (P4). */
export type NotificationTemplate =
  | 'case-opened'
  | 'concern-raised'
  | 'course-tutor-contact-needed'
  | 'stage-started'
  | 'plan-changed'
  | 'plan-signed'
  | 'plan-fully-signed'
  | 'meeting-scheduled'
  | 'meeting-cancelled'
  | 'observation-recorded'
  | 'review-recorded'
  | 'review-due'
  | 'review-overdue'
  | 'final-outcome-recorded'
  | 'duty-completed'
  | 'appeal-updated'
  | 'imp-triggered'
  | 'case-closed';

/** A side effect the hosting layer carries out after the commit. Never contains special category data. */
export type Effect =
  | {
      readonly kind: 'notify';
      readonly template: NotificationTemplate;
      readonly recipients: readonly string[];
      readonly rules: readonly string[];
    }
  | { readonly kind: 'createMeeting'; readonly meetingId: string }
  | { readonly kind: 'cancelMeeting'; readonly meetingId: string }
  /** Put (or move) the review-date reminder in the reviewers' calendars (issue 9 §3). */
  | { readonly kind: 'reviewReminder'; readonly instanceId: string; readonly reviewDate: string }
  /** Cancel that reminder: the stage or the case ended. */
  | { readonly kind: 'cancelReviewReminder'; readonly instanceId: string }
  | { readonly kind: 'refreshCaseCard' };
