import { errors } from 'jose';
import { AuthError } from './auth-error';

const tokenProblems: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'The access token has expired.',
  ERR_JOSE_ALG_NOT_ALLOWED: 'The access token is signed with an algorithm that is not allowed.',
  ERR_JWKS_NO_MATCHING_KEY: 'The access token is signed with an unknown key.',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'The access token signature is not valid.',
  ERR_JWS_INVALID: 'The access token is malformed.',
  ERR_JWT_INVALID: 'The access token is malformed.',
  ERR_JOSE_NOT_SUPPORTED: 'The access token uses an unsupported format.',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'The access token names an ambiguous key.',
  ERR_JWK_INVALID: 'The access token is malformed.',
};

/** Maps anything `jwtVerify` throws to an `AuthError`: token faults 401, key-set outages 503. */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthError(
      'invalid_token',
      `The access token's "${error.claim}" claim is not valid.`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof errors.JOSEError) {
    const message = tokenProblems[error.code];
    if (message !== undefined) return new AuthError('invalid_token', message, { cause: error });
  }
  // Timeouts, an unreachable or malformed key set: not the caller's fault.
  return new AuthError('unavailable', 'Sign-in keys are unavailable; try again shortly.', {
    cause: error,
  });
}
