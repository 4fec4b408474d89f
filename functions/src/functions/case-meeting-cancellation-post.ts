import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/meetings/{meetingId}/cancellation`: cancel a meeting (`cancelMeeting`). */
export const caseMeetingCancellationPost = commandRoute({
  name: 'case-meeting-cancellation-post',
  method: 'POST',
  route: 'cases/{caseId}/meetings/{meetingId}/cancellation',
  type: 'cancelMeeting',
  summary: 'Cancel a meeting',
});
