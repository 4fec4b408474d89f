import type { CaseCommandType } from '../commands';
import { closeCasePolicy } from './close-case';
import { correctEntryPolicy } from './correct-entry';
import { recordDfeHandoffPolicy } from './dfe-handoff';
import { addCommentPolicy } from './comments';
import { raiseConcernPolicy } from './concerns';
import { acknowledgeConcernPolicy } from './acknowledge-concern';
import {
  completeDutyPolicy,
  recordAppealDecisionPolicy,
  recordAppealOutcomePolicy,
} from './duties';
import { recordImpPolicy } from './imp';
import { cancelMeetingPolicy, recordMeetingHeldPolicy, scheduleMeetingPolicy } from './meetings';
import { recordObservationPolicy } from './observations';
import { addParticipantPolicy, removeParticipantPolicy } from './participants';
import {
  addTargetPolicy,
  removeTargetPolicy,
  setPlanDetailsPolicy,
  updateTargetPolicy,
} from './plan-policies';
import type { Policy } from './policy';
import { setReviewDatePolicy } from './review-date';
import { retryDeliveryPolicy } from './retry-delivery';
import { recordFinalOutcomePolicy, recordReviewPolicy } from './reviews';
import { signPlanPolicy } from './sign-plan';
import { startStagePolicy } from './start-stage';

/** Every command's policy, keyed by command type: the engine's one routing table. */
export const policies: { readonly [K in CaseCommandType]: Policy<K> } = {
  addParticipant: addParticipantPolicy,
  removeParticipant: removeParticipantPolicy,
  raiseConcern: raiseConcernPolicy,
  startStage: startStagePolicy,
  setPlanDetails: setPlanDetailsPolicy,
  addTarget: addTargetPolicy,
  updateTarget: updateTargetPolicy,
  removeTarget: removeTargetPolicy,
  setReviewDate: setReviewDatePolicy,
  signPlan: signPlanPolicy,
  scheduleMeeting: scheduleMeetingPolicy,
  recordMeetingHeld: recordMeetingHeldPolicy,
  cancelMeeting: cancelMeetingPolicy,
  recordObservation: recordObservationPolicy,
  recordReview: recordReviewPolicy,
  recordFinalOutcome: recordFinalOutcomePolicy,
  completeDuty: completeDutyPolicy,
  recordAppealDecision: recordAppealDecisionPolicy,
  recordAppealOutcome: recordAppealOutcomePolicy,
  addComment: addCommentPolicy,
  recordImp: recordImpPolicy,
  recordDfeHandoff: recordDfeHandoffPolicy,
  correctEntry: correctEntryPolicy,
  closeCase: closeCasePolicy,
  retryDelivery: retryDeliveryPolicy,
  acknowledgeConcern: acknowledgeConcernPolicy,
};
