import { commandRoute } from '../http/command-route';

/** `PUT /api/cases/{caseId}/plan`: set the plan overview and support measures (`setPlanDetails`). */
export const casePlanPut = commandRoute({
  name: 'case-plan-put',
  method: 'PUT',
  route: 'cases/{caseId}/plan',
  type: 'setPlanDetails',
  summary: 'Set the plan overview and support measures',
});
