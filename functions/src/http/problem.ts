import type { Refusal, RefusalCode } from '@shared/errors/refusal';
import { refusalStatus } from './refusal-status';
import type { ApiResponse } from './route-types';

/** Media type of every error response (RFC 9457). */
export const problemContentType = 'application/problem+json';

/** A stable code in a problem response: a refusal code or a hosting-level failure. */
export type ProblemCode =
  RefusalCode | 'INTERNAL_ERROR' | 'METHOD_NOT_ALLOWED' | 'SERVICE_UNAVAILABLE';

/** One invalid field of a request body. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The body of every error response. `correlationId` is filled in by the host. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ProblemCode;
  readonly rules?: readonly string[];
  readonly errors?: readonly FieldError[];
  readonly correlationId: string;
}

const titles: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Not possible in the current state',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Procedure rule not met',
  500: 'Unexpected error',
  503: 'Service unavailable',
};

/** Optional parts of a problem response. */
export interface ProblemExtras {
  readonly rules?: readonly string[];
  readonly errors?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** A problem+json response; the host adds the correlation id and security headers. */
export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extras: ProblemExtras = {},
): ApiResponse {
  const body: Omit<ProblemBody, 'correlationId'> = {
    type: `urn:support-plan:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...(extras.rules === undefined || extras.rules.length === 0 ? {} : { rules: extras.rules }),
    ...(extras.errors === undefined ? {} : { errors: extras.errors }),
  };
  return { status, headers: { 'content-type': problemContentType, ...extras.headers }, body };
}

/** The problem response for a refusal from the service or engine, status from the one table. */
export function problemFromRefusal(refusal: Refusal): ApiResponse {
  return problem(refusalStatus[refusal.code], refusal.code, refusal.message, {
    rules: refusal.rules,
  });
}
