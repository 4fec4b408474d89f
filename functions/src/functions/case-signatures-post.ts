import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/signatures`: sign the current version of the plan (`signPlan`). */
export const caseSignaturesPost = commandRoute({
  name: 'case-signatures-post',
  method: 'POST',
  route: 'cases/{caseId}/signatures',
  type: 'signPlan',
  summary: 'Sign the current version of the plan',
});
