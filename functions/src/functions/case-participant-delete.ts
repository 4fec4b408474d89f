import { commandRoute } from '../http/command-route';

/** `DELETE /api/cases/{caseId}/participants/{participantId}`: remove a person from the case (their access ends at once) (`removeParticipant`). */
export const caseParticipantDelete = commandRoute({
  name: 'case-participant-delete',
  method: 'DELETE',
  route: 'cases/{caseId}/participants/{participantId}',
  type: 'removeParticipant',
  summary: 'Remove a person from the case (their access ends at once)',
});
