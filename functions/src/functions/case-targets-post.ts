import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/targets`: add a target to the plan (`addTarget`). */
export const caseTargetsPost = commandRoute({
  name: 'case-targets-post',
  method: 'POST',
  route: 'cases/{caseId}/targets',
  type: 'addTarget',
  summary: 'Add a target to the plan',
});
