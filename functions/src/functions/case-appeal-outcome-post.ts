import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/appeal/outcome`: record the outcome of the appeal (`recordAppealOutcome`). */
export const caseAppealOutcomePost = commandRoute({
  name: 'case-appeal-outcome-post',
  method: 'POST',
  route: 'cases/{caseId}/appeal/outcome',
  type: 'recordAppealOutcome',
  summary: 'Record the outcome of the appeal',
});
