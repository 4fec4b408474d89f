import type { TableServiceClientOptions } from '@azure/data-tables';

/** One entry of a client's `additionalPolicies`. */
export type AdditionalPolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number];

/** One HTTP attempt that left the client. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  /** Milliseconds until the response arrived (NaN while it is under way or when it failed). */
  ms: number;
  /** Why the attempt failed (e.g. `socket hang up`: the SDK then retries it), if it did. */
  failed?: string;
}

/** A test hook counting storage round trips (every attempt, retries included). */
export interface RequestCounter {
  readonly policy: AdditionalPolicy;
  readonly requests: readonly SentRequest[];
  count(): number;
  reset(): void;
}

/** A perRetry pipeline policy recording each request before it is sent. */
export function countingPolicy(): RequestCounter {
  const requests: SentRequest[] = [];
  return {
    policy: {
      position: 'perRetry',
      policy: {
        name: 'countingPolicy',
        sendRequest: async (request, next) => {
          const sent: SentRequest = {
            method: request.method,
            url: decodeURIComponent(request.url),
            ms: Number.NaN,
          };
          requests.push(sent);
          const started = performance.now();
          try {
            const response = await next(request);
            sent.ms = performance.now() - started;
            return response;
          } catch (error) {
            sent.failed = error instanceof Error ? error.message.slice(0, 120) : 'unknown';
            throw error;
          }
        },
      },
    },
    requests,
    count: () => requests.length,
    reset: () => {
      requests.length = 0;
    },
  };
}
