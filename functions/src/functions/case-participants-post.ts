import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/participants`: name a person in the case with a role (`addParticipant`). */
export const caseParticipantsPost = commandRoute({
  name: 'case-participants-post',
  method: 'POST',
  route: 'cases/{caseId}/participants',
  type: 'addParticipant',
  summary: 'Name a person in the case with a role',
});
