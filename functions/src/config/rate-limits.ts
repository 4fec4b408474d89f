/** How many requests one person may make in a window (R3). */
export interface UserRateLimit {
  readonly points: number;
  readonly seconds: number;
}

/**
 * R3 (API): a tab loads a case with a handful of requests; 60 in 10 s is far above a person and
 * well below a script. Per Functions instance: a first line of defence, not a quota.
 */
export const apiRateLimit: UserRateLimit = { points: 60, seconds: 10 };

/** R3 (card actions): 20 clicks in 10 s, as reliability-security.md suggests. */
export const cardActionRateLimit: UserRateLimit = { points: 20, seconds: 10 };
