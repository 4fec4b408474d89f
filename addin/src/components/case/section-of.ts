import type { CaseSection } from '../../app/deep-link';

const sectionByCommand: Readonly<Record<string, CaseSection>> = {
  addParticipant: 'overview',
  removeParticipant: 'overview',
  startStage: 'timeline',
  closeCase: 'timeline',
  raiseConcern: 'concerns',
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
};

/** Where on the case view a command's button goes (an unknown command: the overview). */
export function sectionOf(type: string): CaseSection {
  return sectionByCommand[type] ?? 'overview';
}
