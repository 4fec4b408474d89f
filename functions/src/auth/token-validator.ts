import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Identity } from '@shared/domain/context';
import { AuthError } from './auth-error';
import { identityFromClaims, type TenantPolicy } from './claims';
import { toAuthError } from './jose-errors';

/** Allowed clock skew between Entra and us, in seconds. */
export const clockToleranceSeconds = 60;

const maxTokenLength = 16_384;

/** What a token validator needs: where the keys are, who we are, which tenants may sign in. */
export interface TokenValidatorOptions {
  readonly jwksUrl: string;
  readonly clientId: string;
  readonly appIdUri?: string;
  readonly isAllowedTenant: TenantPolicy;
}

/** Validates a Teams SSO access token and returns the caller; throws `AuthError`. */
export type TokenValidator = (token: string) => Promise<Identity>;

/**
 * Builds a validator for Entra v2 access tokens. Keys come only from `jwksUrl` (cached by jose);
 * `jku`, `x5u` and `jwk` headers in a token are never followed.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  // Built on the first request: creating the key set loads Node's fetch, which a cold start
  // should not pay before the host has indexed the functions.
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const audience =
    options.appIdUri === undefined ? [options.clientId] : [options.clientId, options.appIdUri];
  return async (token) => {
    if (token.length > maxTokenLength)
      throw new AuthError('invalid_token', 'The access token is too large.');
    try {
      keys ??= createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 });
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'iss', 'aud'],
      });
      return await identityFromClaims(payload, options.isAllowedTenant);
    } catch (error) {
      throw toAuthError(error);
    }
  };
}
