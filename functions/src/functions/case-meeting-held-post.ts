import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/meetings/{meetingId}/held`: record that a meeting was held (`recordMeetingHeld`). */
export const caseMeetingHeldPost = commandRoute({
  name: 'case-meeting-held-post',
  method: 'POST',
  route: 'cases/{caseId}/meetings/{meetingId}/held',
  type: 'recordMeetingHeld',
  summary: 'Record that a meeting was held',
});
