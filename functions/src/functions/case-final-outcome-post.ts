import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/final-outcome`: record the final outcome of the final review (`recordFinalOutcome`). */
export const caseFinalOutcomePost = commandRoute({
  name: 'case-final-outcome-post',
  method: 'POST',
  route: 'cases/{caseId}/final-outcome',
  type: 'recordFinalOutcome',
  summary: 'Record the final outcome of the final review',
});
