/**
 * Why a request could not be authenticated: `invalid_token` (401), `insufficient_access`
 * (403: a valid token, but its tenant or scope is not allowed), `unavailable` (503: keys unreachable).
 */
export type AuthFailure = 'invalid_token' | 'insufficient_access' | 'unavailable';

/** A bearer token was missing, invalid or not allowed; the message is safe to show the caller. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly failure: AuthFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
