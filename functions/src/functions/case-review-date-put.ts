import { commandRoute } from '../http/command-route';

/** `PUT /api/cases/{caseId}/review-date`: set the review date of the plan (`setReviewDate`). */
export const caseReviewDatePut = commandRoute({
  name: 'case-review-date-put',
  method: 'PUT',
  route: 'cases/{caseId}/review-date',
  type: 'setReviewDate',
  summary: 'Set the review date of the plan',
});
