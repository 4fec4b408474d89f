import { commandRoute } from '../http/command-route';

/** `PUT /api/cases/{caseId}/targets/{targetId}`: change a target of the plan (`updateTarget`). */
export const caseTargetPut = commandRoute({
  name: 'case-target-put',
  method: 'PUT',
  route: 'cases/{caseId}/targets/{targetId}',
  type: 'updateTarget',
  summary: 'Change a target of the plan',
});
