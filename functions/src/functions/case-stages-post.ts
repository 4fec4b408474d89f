import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/stages`: start a stage of the procedure (`startStage`). */
export const caseStagesPost = commandRoute({
  name: 'case-stages-post',
  method: 'POST',
  route: 'cases/{caseId}/stages',
  type: 'startStage',
  summary: 'Start a stage of the procedure',
});
