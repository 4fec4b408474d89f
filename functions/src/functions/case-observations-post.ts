import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/observations`: record a lesson observation (`recordObservation`). */
export const caseObservationsPost = commandRoute({
  name: 'case-observations-post',
  method: 'POST',
  route: 'cases/{caseId}/observations',
  type: 'recordObservation',
  summary: 'Record a lesson observation',
});
