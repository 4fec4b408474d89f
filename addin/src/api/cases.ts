import { ApiError } from './api-error';
import { problemMessage } from './problem-message';

/** One row of "my cases" as the tab shows it. */
export interface CaseRow {
  readonly caseId: string;
  readonly traineeName: string;
  readonly stageLabel: string | null;
  readonly status: string;
  readonly nextReviewDate: string | null;
}

/** `GET /api/cases?mine=true` with the caller's token; throws with a readable message on failure. */
export async function listMyCases(token: string): Promise<readonly CaseRow[]> {
  const response = await fetch('/api/cases?mine=true', {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new ApiError(await problemMessage(response));
  const body = (await response.json()) as CaseRow[] | { cases?: CaseRow[]; items?: CaseRow[] };
  return Array.isArray(body) ? body : (body.cases ?? body.items ?? []);
}
