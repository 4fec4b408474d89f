/** A role id as words ("courseTutor" -> "Course tutor") when the API gives no label. */
export function roleWords(role: string): string {
  const words = role
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const needsYouText: Readonly<Record<string, string>> = {
  signPlan: 'sign the plan',
  recordReview: 'record the review',
  completeDuty: 'complete a duty',
  recordFinalOutcome: 'record the final outcome',
  recordAppealDecision: 'decide on an appeal',
  recordAppealOutcome: 'record the appeal outcome',
};

/** What a "needs you" command asks of the viewer, in words. */
export function needsYouLabel(type: string): string {
  return needsYouText[type] ?? roleWords(type).toLowerCase();
}
