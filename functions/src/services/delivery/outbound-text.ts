/**
 * Every piece of text that leaves for Graph, in one place so it stays neutral: a first name,
 * the prescribed agenda and a link to the case in the tab. Never a concern's text, a category,
 * health details or the procedure's formal stage names (ME-23, P4).
 */
import type { NotificationTemplate } from '@shared/domain/effects';
import type { CaseState } from '@shared/domain/state';

/** The trainee's first name (subject lines say no more). */
export function firstName(state: CaseState): string {
  return state.trainee.name.trim().split(/\s+/)[0] ?? 'trainee';
}

/** The meeting subject: "Support meeting: <first name>". */
export function meetingSubject(state: CaseState): string {
  return `Support meeting: ${firstName(state)}`;
}

/** The plain-text invitation body: the agenda the procedure prescribes, then where to look. */
export function meetingBody(agenda: readonly string[], caseUrl: string): string {
  const items = agenda.length === 0 ? ['Review of the support plan'] : agenda;
  return [
    'Agenda:',
    ...items.map((item) => `- ${item}`),
    '',
    `The plan is in Teams: ${caseUrl}`,
  ].join('\n');
}

const previews: Readonly<Record<NotificationTemplate, string>> = {
  'case-opened': 'A support plan you take part in has been opened.',
  'concern-raised': 'Something new was recorded on a support plan.',
  'course-tutor-contact-needed': 'A school has asked you to get in touch about a support plan.',
  'stage-started': 'A support plan you take part in has moved on. See what happens next.',
  'plan-changed': 'A support plan you take part in was updated.',
  'plan-signed': 'A support plan was signed.',
  'plan-fully-signed': 'Everyone has signed the support plan.',
  'meeting-scheduled': 'A support meeting has been scheduled.',
  'meeting-cancelled': 'A support meeting has been cancelled.',
  'observation-recorded': 'An observation was recorded on a support plan.',
  'review-recorded': 'A review was recorded on a support plan.',
  'review-due': 'A review date is coming up.',
  'review-overdue': 'A review date has passed.',
  'review-due-today': 'A review is due today.',
  'signatures-missing': 'A support plan is still waiting for signatures.',
  'window-closing': 'A support plan period is about to reach its maximum.',
  'contact-not-acknowledged':
    'A school is still waiting for you to get in touch about a support plan.',
  'final-outcome-recorded': 'An outcome was recorded on a support plan.',
  'duty-completed': 'A step of a support plan was completed.',
  'appeal-updated': 'A support plan was updated.',
  'imp-triggered': 'A support plan needs your attention.',
  'case-closed': 'A support plan was closed.',
};

/** The activity feed preview (Graph truncates at 150 characters). */
export function previewText(template: NotificationTemplate, state: CaseState): string {
  return `${firstName(state)}: ${previews[template]}`.slice(0, 150);
}

/** The email fallback's subject and body. */
export function mailText(template: NotificationTemplate, state: CaseState, caseUrl: string) {
  return {
    subject: `Support plan: ${firstName(state)}`,
    body: `${previews[template]}\n\nOpen it in Teams: ${caseUrl}`,
  };
}

/** The proactive bot message: the same neutral line, and the link that opens the case in the tab. */
export function botText(template: NotificationTemplate, state: CaseState, link: string): string {
  return `${previewText(template, state)}\n\nOpen it in Teams: ${link}`;
}

/**
 * The activity type declared in the manifest for a template; the others use the reserved
 * `systemDefault` type (needs no declaration).
 */
export function activityTypeOf(
  template: NotificationTemplate,
  declared: ReadonlySet<string>,
): string {
  return declared.has(template) ? template : 'systemDefault';
}
