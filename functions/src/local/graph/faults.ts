/** Faults the local Graph injects, like Graph under load: 429 with Retry-After, 503, 500, timeouts. */
export type FaultKind = '429' | '503' | '500' | 'timeout';

/** How often and which faults to inject. */
export interface FaultSettings {
  /** Share of requests that fail, 0..1. */
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  /** Retry-After on 429 and 503, in seconds. */
  readonly retryAfterSeconds: number;
  /** How long a "timeout" holds the request before dropping the connection. */
  readonly hangMs: number;
}

export const noFaults: FaultSettings = {
  rate: 0,
  kinds: ['429', '503', '500', 'timeout'],
  retryAfterSeconds: 1,
  hangMs: 15_000,
};

/** A small seeded generator, so a test run's faults can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** The fault for this request, or null to serve it. */
export function pickFault(settings: FaultSettings, random: () => number): FaultKind | null {
  if (settings.rate <= 0 || settings.kinds.length === 0 || random() >= settings.rate) return null;
  return settings.kinds[Math.floor(random() * settings.kinds.length)] ?? null;
}
