import type { CaseRecord } from '../services/case-record';
import { problem } from './problem';
import type { ApiResponse } from './route-types';
import { runtime } from './runtime';

/** The record service, or the 503 a host without it answers (a host wired for other routes only). */
export function recordService():
  { ok: true; record: CaseRecord } | { ok: false; response: ApiResponse } {
  const record = runtime().record;
  return record === undefined
    ? {
        ok: false,
        response: problem(
          503,
          'SERVICE_UNAVAILABLE',
          'The record service is not configured on this host.',
        ),
      }
    : { ok: true, record };
}
