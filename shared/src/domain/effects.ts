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
  /** Timed reminders from the due-date index (issue 9 §3, ADR 0011). */
  | 'review-due-today'
  | 'signatures-missing'
  | 'window-closing'
  /** The chase of a school's request for the course tutor's contact (ME-05). */
  | 'contact-not-acknowledged'
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
  | { readonly kind: 'refreshCaseCard' }
  /**
   * Re-derive the case's rows in the due-date index from its current state (ADR 0011). Written
   * by the application service when a commit changes the case's due items, so a crash between
   * the commit and the index write is healed by the relay (or its re-drive timer). `ended`: the
   * rows that commit ended (day and key), removed by the relay off the request path unless the
   * case's state by then wants them again.
   */
  | {
      readonly kind: 'syncDueIndex';
      readonly ended?: readonly { readonly day: string; readonly key: string }[];
    };
