import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/closure`: close the case with an outcome its stage allows (`closeCase`). */
export const caseClosurePost = commandRoute({
  name: 'case-closure-post',
  method: 'POST',
  route: 'cases/{caseId}/closure',
  type: 'closeCase',
  summary: 'Close the case with an outcome its stage allows',
});
