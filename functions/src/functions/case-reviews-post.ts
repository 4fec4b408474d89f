import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/reviews`: record a review of the targets (`recordReview`). */
export const caseReviewsPost = commandRoute({
  name: 'case-reviews-post',
  method: 'POST',
  route: 'cases/{caseId}/reviews',
  type: 'recordReview',
  summary: 'Record a review of the targets',
});
