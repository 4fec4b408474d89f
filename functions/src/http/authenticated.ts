import { AuthError } from '../auth/auth-error';
import type { Caller } from '../auth/caller';
import { bearerToken } from '../auth/bearer-token';
import { problem } from './problem';
import type { ApiRequest, ApiResponse, RouteDefinition } from './route-types';
import { runtime } from './runtime';

/** A handler that runs only for a signed-in caller. */
export type AuthenticatedHandler = (request: ApiRequest, who: Caller) => Promise<ApiResponse>;

/** The 401/403/503 problem for an authentication failure, with a `WWW-Authenticate` challenge. */
export function authProblem(error: AuthError): ApiResponse {
  if (error.failure === 'insufficient_access') {
    return problem(403, 'FORBIDDEN', error.message, {
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' },
    });
  }
  if (error.failure === 'unavailable') {
    return problem(503, 'SERVICE_UNAVAILABLE', error.message, { headers: { 'retry-after': '5' } });
  }
  return problem(401, 'UNAUTHENTICATED', error.message, {
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  });
}

/** Wraps a handler: validates the bearer token and passes the caller's `Identity` (tid, oid, name). */
export function authenticated(handler: AuthenticatedHandler): RouteDefinition['handler'] {
  return async (request) => {
    const token = bearerToken(request.headers);
    if (token === undefined) {
      return problem(
        401,
        'UNAUTHENTICATED',
        'Sign in: send an Authorization: Bearer access token.',
        {
          headers: { 'www-authenticate': 'Bearer' },
        },
      );
    }
    let who: Caller;
    try {
      who = await runtime().validateToken(token);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error.failure === 'unavailable')
        runtime().log.warn('Token keys unavailable', { error: error.cause });
      return authProblem(error);
    }
    const rate = await runtime().limitUser?.(who);
    if (rate?.limited === true) {
      // R3: a security event (ids only), then 429 with when to try again.
      runtime().log.warn('Request rate limit reached', { tid: who.tid, oid: who.oid });
      return problem(
        429,
        'RATE_LIMITED',
        `Too many requests. Try again in ${String(rate.retryAfterSeconds)} seconds.`,
        { headers: { 'retry-after': String(rate.retryAfterSeconds) } },
      );
    }
    return handler(request, who);
  };
}
