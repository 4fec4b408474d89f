import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Identity } from '@shared/domain/context';
import type { UserRateLimit } from '../config/rate-limits';

/** The answer for one request: go ahead, or wait `retryAfterSeconds`. */
export type RateDecision =
  { readonly limited: false } | { readonly limited: true; readonly retryAfterSeconds: number };

/** Counts one request by a person (tid, oid) and says whether it is over their limit. */
export type UserLimiter = (who: Identity) => Promise<RateDecision>;

/** A per-person limiter over a fixed window, kept in this instance's memory. */
export function createUserLimiter(limit: UserRateLimit): UserLimiter {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.seconds });
  return async (who) => {
    try {
      await limiter.consume(`${who.tid}:${who.oid}`);
      return { limited: false };
    } catch (rejection) {
      // The library rejects with RateLimiterRes when the points are used up; anything else is a bug.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return {
        limited: true,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
  };
}
