import { createRemoteJWKSet, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { TableStorageError } from '../infrastructure/tables/storage-errors';
import { AuthError } from './auth-error';
import type { Caller } from './caller';
import { identityFromClaims, type TenantPolicy } from './claims';
import { toAuthError } from './jose-errors';

/** Allowed clock skew between Entra and us, in seconds. */
export const clockToleranceSeconds = 60;

const maxTokenLength = 16_384;

/**
 * A token that passed every check is remembered for at most this long (never past its `exp`),
 * so a tab that sends the same token with each request pays for one RSA verification, not one
 * per request. The same bound as the provider directory's cache: a tenant removed from the
 * allow-list, or a signing key withdrawn, stops working within 30 s.
 */
export const validatedTokenTtlMs = 30_000;
const maxCachedTokens = 10_000;

/** What a token validator needs: where the keys are, who we are, which tenants may sign in. */
export interface TokenValidatorOptions {
  readonly jwksUrl: string;
  readonly clientId: string;
  readonly appIdUri?: string;
  readonly isAllowedTenant: TenantPolicy;
  /** Milliseconds since the epoch; the cache's clock (tests move it). */
  readonly now?: () => number;
}

/** Validates a Teams SSO access token and returns the caller; throws `AuthError`. */
export type TokenValidator = (token: string) => Promise<Caller>;

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
  const now = options.now ?? Date.now;
  // Keyed by the whole token: a hit is the exact string that was verified.
  const validated = new LRUCache<string, { identity: Caller; until: number }>({
    max: maxCachedTokens,
  });
  return async (token) => {
    if (token.length > maxTokenLength)
      throw new AuthError('invalid_token', 'The access token is too large.');
    const cached = validated.get(token);
    if (cached !== undefined && cached.until > now()) return cached.identity;
    try {
      keys ??= createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 });
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'iss', 'aud'],
      });
      const identity = await identityFromClaims(payload, options.isAllowedTenant);
      const until = Math.min(now() + validatedTokenTtlMs, (payload.exp ?? 0) * 1000);
      if (until > now()) validated.set(token, { identity, until });
      return identity;
    } catch (error) {
      // The tenant allow-list reads the provider directory: a storage failure there is a storage
      // failure (503, logged as such), not "sign-in keys unavailable" (issue 8 item 4).
      if (error instanceof TableStorageError) throw error;
      throw toAuthError(error);
    }
  };
}
