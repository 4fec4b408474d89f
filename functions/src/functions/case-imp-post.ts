import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/imp`: record an interim monitoring point (IMP) (`recordImp`). */
export const caseImpPost = commandRoute({
  name: 'case-imp-post',
  method: 'POST',
  route: 'cases/{caseId}/imp',
  type: 'recordImp',
  summary: 'Record an interim monitoring point (IMP)',
});
