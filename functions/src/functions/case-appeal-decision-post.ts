import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/appeal/decision`: record whether the trainee appeals (`recordAppealDecision`). */
export const caseAppealDecisionPost = commandRoute({
  name: 'case-appeal-decision-post',
  method: 'POST',
  route: 'cases/{caseId}/appeal/decision',
  type: 'recordAppealDecision',
  summary: 'Record whether the trainee appeals',
});
