import { botRoutes } from '../bot/bot-routes';
import { documented } from '../http/route-doc';
import type { QueueDefinition, RouteDefinition, TimerDefinition } from '../http/route-types';
import { caseAppealBundleGet } from './case-appeal-bundle-get';
import { caseAppealDecisionPost } from './case-appeal-decision-post';
import { caseAppealOutcomePost } from './case-appeal-outcome-post';
import { caseAvailableCommandsGet } from './case-available-commands-get';
import { caseClosurePost } from './case-closure-post';
import { caseCommentsPost } from './case-comments-post';
import { caseConcernAcknowledgementPost } from './case-concern-acknowledgement-post';
import { caseConcernsPost } from './case-concerns-post';
import { caseCorrectionsPost } from './case-corrections-post';
import { caseDeliveryRetryPost } from './case-delivery-retry-post';
import { caseDfeHandoffGet } from './case-dfe-handoff-get';
import { caseDfeHandoffPost } from './case-dfe-handoff-post';
import { caseDutyPost } from './case-duty-post';
import { caseFinalOutcomePost } from './case-final-outcome-post';
import { caseGet } from './case-get';
import { caseHistoryGet } from './case-history-get';
import { caseHistoryVerificationGet } from './case-history-verification-get';
import { caseImpPost } from './case-imp-post';
import { caseMeetingCancellationPost } from './case-meeting-cancellation-post';
import { caseMeetingHeldPost } from './case-meeting-held-post';
import { caseMeetingsPost } from './case-meetings-post';
import { caseObservationsPost } from './case-observations-post';
import { caseParticipantDelete } from './case-participant-delete';
import { caseParticipantsPost } from './case-participants-post';
import { casePlanPut } from './case-plan-put';
import { caseReviewDatePut } from './case-review-date-put';
import { caseReviewsPost } from './case-reviews-post';
import { caseSignaturesPost } from './case-signatures-post';
import { caseStagePdfGet } from './case-stage-pdf-get';
import { caseStagesPost } from './case-stages-post';
import { caseTargetDelete } from './case-target-delete';
import { caseTargetPut } from './case-target-put';
import { caseTargetsPost } from './case-targets-post';
import { casesList } from './cases-list';
import { healthGet } from './health-get';
import { meProvidersGet } from './me-providers-get';
import { openApiGet } from './openapi-get';
import { outboxDeliverQueue } from './outbox-deliver-queue';
import { outboxRedriveTimer } from './outbox-redrive-timer';
import { providerCasesPost } from './provider-cases-post';
import { providerOverviewGet } from './provider-overview-get';
import { providerProcedureGet } from './provider-procedure-get';
import { providerRetentionRunPost } from './provider-retention-run-post';
import { providerSettingsGet } from './provider-settings-get';
import { providerSettingsPut } from './provider-settings-put';
import { retentionDailyTimer } from './retention-daily-timer';
import { reviewsSweepTimer } from './reviews-sweep-timer';
import { subjectAccessGet } from './subject-access-get';

/** The case API: queries, then each command as a sub-resource of its case (one file per route). */
export const caseRoutes: RouteDefinition[] = [
  casesList,
  providerCasesPost,
  caseGet,
  caseAvailableCommandsGet,
  caseHistoryGet,
  caseHistoryVerificationGet,
  caseStagePdfGet,
  caseAppealBundleGet,
  caseDfeHandoffGet,
  caseDfeHandoffPost,
  caseConcernsPost,
  caseConcernAcknowledgementPost,
  caseStagesPost,
  casePlanPut,
  caseTargetsPost,
  caseTargetPut,
  caseTargetDelete,
  caseReviewDatePut,
  caseSignaturesPost,
  caseMeetingsPost,
  caseMeetingHeldPost,
  caseMeetingCancellationPost,
  caseObservationsPost,
  caseReviewsPost,
  caseFinalOutcomePost,
  caseDutyPost,
  caseAppealDecisionPost,
  caseAppealOutcomePost,
  caseCommentsPost,
  caseImpPost,
  caseParticipantsPost,
  caseParticipantDelete,
  caseCorrectionsPost,
  caseClosurePost,
  caseDeliveryRetryPost,
];

/** Provider administration: settings, calendar closures and X-settings. */
export const providerRoutes: RouteDefinition[] = [
  providerSettingsGet,
  providerSettingsPut,
  providerProcedureGet,
  providerOverviewGet,
  meProvidersGet,
];

/** The student's record across cases (issue 12): subject access exports. */
export const recordRoutes: RouteDefinition[] = [subjectAccessGet, providerRetentionRunPost];

/** Every HTTP route of the app. Add one line per feature module (`<resource>-<verb>.ts`). */
export const allRoutes: RouteDefinition[] = [
  documented(healthGet, {
    summary: 'Liveness and storage reachability',
    tag: 'Meta',
    auth: 'none',
    success: 200,
  }),
  openApiGet(() => allRoutes),
  ...caseRoutes,
  ...providerRoutes,
  ...recordRoutes,
  ...botRoutes.map((route) =>
    documented(route, {
      summary: 'Bot Framework messaging endpoint (Teams activities and invokes)',
      tag: 'Bot',
      auth: 'bot-connector',
      success: 200,
    }),
  ),
];

/** Every timer of the app (NCRONTAB, six fields, UTC). */
export const allTimers: TimerDefinition[] = [
  reviewsSweepTimer,
  outboxRedriveTimer,
  retentionDailyTimer,
];

/** Every queue trigger of the app. */
export const allQueues: QueueDefinition[] = [outboxDeliverQueue];
