import type { CaseView } from '@shared/domain/view';
import type { Refusal, Result } from '@shared/errors/refusal';
import { problem, problemFromRefusal } from './problem';
import { json } from './responses';
import type { ApiRequest, ApiResponse } from './route-types';

/** The ETag of a case version: `"v{version}"` (the number of events on the case). */
export function caseEtag(version: number): string {
  return `"v${String(version)}"`;
}

/** The ETag header for a view that carries its version, or none. */
export function etagHeader(view: CaseView | null | undefined): Record<string, string> {
  return view?.version === undefined ? {} : { etag: caseEtag(view.version) };
}

/**
 * The version a command's `If-Match` names: absent (no check), `*` (any: no check), or one case
 * ETag `"v{n}"` (weak `W/` accepted). Anything else is a 400, never silently ignored.
 */
export function ifMatchVersion(
  request: ApiRequest,
): { ok: true; value: number | undefined } | { ok: false; response: ApiResponse } {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return { ok: true, value: undefined };
  const match = /^\s*(?:W\/)?"v(\d{1,10})"\s*$/.exec(header);
  if (match?.[1] === undefined)
    return {
      ok: false,
      response: problem(
        400,
        'VALIDATION_FAILED',
        'The If-Match header must be the case ETag from GET /api/cases/{caseId}, such as "v12".',
      ),
    };
  return { ok: true, value: Number(match[1]) };
}

/** A refusal as a problem; a stale If-Match (412) also carries the current case and its ETag. */
export function caseProblem(refusal: Refusal): ApiResponse {
  const details = refusal.details as { version?: unknown; case?: unknown } | undefined;
  if (refusal.code !== 'PRECONDITION_FAILED' || typeof details?.version !== 'number')
    return problemFromRefusal(refusal);
  const base = problemFromRefusal(refusal);
  return {
    ...base,
    headers: { ...base.headers, etag: caseEtag(details.version) },
    body: { ...(base.body as object), version: details.version, case: details.case },
  };
}

/** 200 with the result body and the case's new ETag; a refusal as `caseProblem`. */
export function caseResult<T>(
  result: Result<T>,
  viewOf: (value: T) => CaseView | null,
): ApiResponse {
  if (!result.ok) return caseProblem(result.refusal);
  return json(200, result.value, etagHeader(viewOf(result.value)));
}
