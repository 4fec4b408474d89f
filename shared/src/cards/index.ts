export { actionDataSchemas, type ActionDataOf } from './action-data';
export { buildCard, cardBytes, maxCardBytes, maxRefreshUsers } from './build-card';
export { CardBuildError, CardTooLargeError } from './card-errors';
export type { ActionData, AdaptiveCard, CardElement, ExecuteAction } from './card-types';
export { caseCard, type CaseCardInput } from './case-card';
export { concernCard, type ConcernCardInput } from './concern-card';
export { dueItemsCard, type DueCase, type DueItem } from './due-items-card';
export { dueThisWeekCard } from './due-this-week-card';
export { errorCard, type ErrorCardInput } from './error-card';
export { botCommands, helpCard } from './help-card';
export { evidenceInputId, inputIds, metInputId } from './inputs';
export { myCasesCard } from './my-cases-card';
export { noticeCard } from './notice-card';
export { raiseConcernCard, type Choice, type RaiseConcernCardInput } from './raise-concern-card';
export { reviewCard, type ReviewCardInput } from './review-card';
export {
  scheduleMeetingCard,
  type RequiredMeeting,
  type ScheduleMeetingCardInput,
} from './schedule-meeting-card';
export { sharedCaseCard, sharedCaseText, type SharedCaseCardInput } from './shared-case-card';
export { signPlanCard, type SignPlanCardInput } from './sign-plan-card';
export { cardVerbs, raiseConcernCommandId, verbs, type CardVerb } from './verbs';
