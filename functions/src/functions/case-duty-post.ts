import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/duties/{dutyId}`: mark a duty of the stage as done (`completeDuty`). */
export const caseDutyPost = commandRoute({
  name: 'case-duty-post',
  method: 'POST',
  route: 'cases/{caseId}/duties/{dutyId}',
  type: 'completeDuty',
  summary: 'Mark a duty of the stage as done',
});
