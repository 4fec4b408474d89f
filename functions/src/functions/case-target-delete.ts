import { commandRoute } from '../http/command-route';

/** `DELETE /api/cases/{caseId}/targets/{targetId}`: remove a target from the plan (`removeTarget`). */
export const caseTargetDelete = commandRoute({
  name: 'case-target-delete',
  method: 'DELETE',
  route: 'cases/{caseId}/targets/{targetId}',
  type: 'removeTarget',
  summary: 'Remove a target from the plan',
});
