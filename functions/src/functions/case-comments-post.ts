import { commandRoute } from '../http/command-route';

/** `POST /api/cases/{caseId}/comments`: add a comment (or a staff-only note) (`addComment`). */
export const caseCommentsPost = commandRoute({
  name: 'case-comments-post',
  method: 'POST',
  route: 'cases/{caseId}/comments',
  type: 'addComment',
  summary: 'Add a comment (or a staff-only note)',
});
