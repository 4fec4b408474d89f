import { commandRoute } from '../http/command-route';

/**
 * `POST /api/cases/{caseId}/corrections`: correct an observation, review, duty, final outcome or
 * held meeting of the current stage with a mandatory reason (`correctEntry`). The correction is a
 * new event that supersedes the entry; both stay in the history.
 */
export const caseCorrectionsPost = commandRoute({
  name: 'case-corrections-post',
  method: 'POST',
  route: 'cases/{caseId}/corrections',
  type: 'correctEntry',
  summary:
    'Correct an entry of the current stage (reason required); a correction of a review or final outcome voids the plan’s signatures',
});
