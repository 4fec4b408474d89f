/**
 * The activity types declared in manifest/manifest.template.json (`activities.activityTypes`);
 * a test keeps the two equal. Other templates go out as the reserved `systemDefault` type.
 */
export const declaredActivityTypes: ReadonlySet<string> = new Set([
  'review-due',
  'review-overdue',
  'stage-started',
  'plan-fully-signed',
  'meeting-scheduled',
  // Timed reminders from the due-date index (ADR 0011).
  'review-due-today',
  'signatures-missing',
  'window-closing',
  // The chase of a school's request for the course tutor's contact (ME-05).
  'contact-not-acknowledged',
]);
