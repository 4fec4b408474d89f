import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/meetings`: schedule a meeting (`scheduleMeeting`). */
export const caseMeetingsPost = commandRoute({
  name: 'case-meetings-post',
  method: 'POST',
  route: 'cases/{caseId}/meetings',
  type: 'scheduleMeeting',
  summary: 'Schedule a meeting',
});
