import { RestError } from '@azure/data-tables';
import type { AdditionalPolicy } from '../../functions/src/infrastructure/tables/request-counter';

type Policy = AdditionalPolicy['policy'];
type Request = Parameters<Policy['sendRequest']>[0];
type Response = Awaited<ReturnType<Policy['sendRequest']>>;
type Headers = Response['headers'];

/** Which requests a fault applies to (default: every request). */
export type RequestMatcher = (request: Request) => boolean;

/** A fault injected by `faultPolicy`, `times` times, on matching requests. */
export type Fault =
  /** Answer with `status` without sending (e.g. 503 Server Busy, 500 Operation Timeout). */
  | { readonly kind: 'fail-before-send'; readonly status: number; readonly times: number }
  /** Send to storage (which commits), then throw ETIMEDOUT as if the response were lost. */
  | { readonly kind: 'drop-response-after-send'; readonly times: number };

/** A `$batch` (entity-group transaction) request. */
export const isBatch: RequestMatcher = (request) =>
  request.method === 'POST' && request.url.includes('$batch');

function headers(entries: Record<string, string>): Headers {
  const map = new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));
  const self: Headers = {
    get: (name) => map.get(name.toLowerCase()),
    has: (name) => map.has(name.toLowerCase()),
    set: (name, value) => void map.set(name.toLowerCase(), String(value)),
    delete: (name) => void map.delete(name.toLowerCase()),
    toJSON: () => Object.fromEntries(map),
    [Symbol.iterator]: () => map.entries(),
  };
  return self;
}

function synthetic(request: Request, status: number): Response {
  const code = status === 503 ? 'ServerBusy' : 'InternalError';
  const body = JSON.stringify({
    'odata.error': { code, message: { value: `injected ${status}` } },
  });
  return {
    request,
    status,
    headers: headers({ 'content-type': 'application/json;odata=minimalmetadata' }),
    bodyAsText: body,
  };
}

/** A perRetry policy injecting `fault` into matching requests; `injected()` counts injections. */
export function faultPolicy(fault: Fault, matches: RequestMatcher = () => true) {
  let injected = 0;
  const policy: AdditionalPolicy = {
    position: 'perRetry',
    policy: {
      name: 'faultPolicy',
      sendRequest: async (request, next) => {
        if (injected >= fault.times || !matches(request)) return next(request);
        injected += 1;
        if (fault.kind === 'fail-before-send') return synthetic(request, fault.status);
        await next(request);
        throw new RestError('injected: response lost after the server committed', {
          code: 'ETIMEDOUT',
          request,
        });
      },
    },
  };
  return { policy, injected: () => injected };
}
