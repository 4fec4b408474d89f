import type { CardVerb } from '@shared/cards';
import type { CardActionHandler } from './card-action-context';
import { openCase, refreshCase } from './case-verbs';
import { dueThisWeek, help, myCases } from './list-verbs';
import { openRaiseConcern, submitConcern } from './raise-concern-verbs';
import { openReview, recordReview } from './record-review';
import { retryDelivery } from './retry-delivery';
import { acknowledgeConcern } from './acknowledge-concern';
import { openScheduleMeeting, scheduleMeeting } from './schedule-meeting';
import { openSignPlan, signPlan } from './sign-plan';

/** Every card verb and its handler: the compiler insists each verb in `verbs.ts` is routed. */
export const cardActionTable: { readonly [V in CardVerb]: CardActionHandler<V> } = {
  refreshCase,
  openCase,
  openSignPlan,
  signPlan,
  openScheduleMeeting,
  scheduleMeeting,
  openReview,
  recordReview,
  openRaiseConcern,
  submitConcern,
  myCases,
  dueThisWeek,
  help,
  retryDelivery,
  acknowledgeConcern,
};
