import type { CaseSection } from '../../app/deep-link';

const sectionByCommand: Readonly<Record<string, CaseSection>> = {
  addParticipant: 'overview',
  removeParticipant: 'overview',
  startStage: 'timeline',
  closeCase: 'timeline',
  raiseConcern: 'concerns',
  acknowledgeConcern: 'concerns',
  setPlanDetails: 'plan',
  addTarget: 'plan',
  updateTarget: 'plan',
  removeTarget: 'plan',
  setReviewDate: 'plan',
  signPlan: 'plan',
  scheduleMeeting: 'meetings',
  recordMeetingHeld: 'meetings',
  cancelMeeting: 'meetings',
  recordObservation: 'observations',
  recordReview: 'reviews',
  recordImp: 'imp',
  completeDuty: 'duties',
  recordFinalOutcome: 'duties',
  recordAppealDecision: 'duties',
  recordAppealOutcome: 'duties',
  addComment: 'comments',
  retryDelivery: 'meetings',
  recordDfeHandoff: 'duties',
};

const sectionByCorrection: Readonly<Record<string, CaseSection>> = {
  observation: 'observations',
  review: 'reviews',
  meeting: 'meetings',
  duty: 'duties',
  finalOutcome: 'duties',
};

/** Where on the case view a command's button goes (a correction: beside its entry; unknown: the overview). */
export function sectionOf(
  type: string,
  params: Readonly<Record<string, unknown>> = {},
): CaseSection {
  if (type === 'correctEntry') return sectionByCorrection[String(params.kind)] ?? 'history';
  return sectionByCommand[type] ?? 'overview';
}
