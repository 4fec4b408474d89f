import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/concerns`: raise a concern about the trainee (`raiseConcern`). */
export const caseConcernsPost = commandRoute({
  name: 'case-concerns-post',
  method: 'POST',
  route: 'cases/{caseId}/concerns',
  type: 'raiseConcern',
  summary: 'Raise a concern about the trainee',
});
