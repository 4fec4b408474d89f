import type { ApiRequest } from '../../../../functions/src/http/route-types';

/** An ApiRequest with sensible defaults for handler tests. */
export function apiRequest(overrides: Partial<ApiRequest> & { json?: unknown } = {}): ApiRequest {
  const { json, ...rest } = overrides;
  const body = json === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(json));
  return {
    method: 'POST',
    path: '/api/test',
    params: {},
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-12345678' },
    body,
    ...rest,
  };
}

/** The request with `text` as its raw body. */
export function withText(text: string | Uint8Array, headers?: Record<string, string>): ApiRequest {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  return apiRequest({ body, ...(headers === undefined ? {} : { headers }) });
}
