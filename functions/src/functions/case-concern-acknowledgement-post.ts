import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/concerns/{concernId}/acknowledgement`: the course tutor acknowledges a concern raised at the school (`acknowledgeConcern`, ME-05). */
export const caseConcernAcknowledgementPost = commandRoute({
  name: 'case-concern-acknowledgement-post',
  method: 'POST',
  route: 'cases/{caseId}/concerns/{concernId}/acknowledgement',
  type: 'acknowledgeConcern',
  summary: 'Acknowledge a concern raised at the school (course tutor contacted, ME-05)',
});
