import {
  StorageRequestError,
  TransientStorageError,
} from '../infrastructure/tables/storage-errors';
import { classifyFailure } from '../infrastructure/tables/storage-failures';
import { correlationHeader } from './correlation';
import type { Logger } from './logger';
import { problem, problemContentType } from './problem';
import type { ApiRequest, ApiResponse } from './route-types';
import { apiSecurityHeaders } from './security-headers';

/** A response ready for the wire: lower-case headers, body as bytes. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

/** What a host needs to run a handler: the request and where to log. */
export type Handler = (request: ApiRequest) => Promise<ApiResponse>;

const internalError = () =>
  problem(
    500,
    'INTERNAL_ERROR',
    'Something went wrong on our side. Quote the correlation id if you report it.',
  );

function lowerCaseKeys(headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function encode(response: ApiResponse, correlationId: string): WireResponse {
  const headers: Record<string, string> = {
    ...lowerCaseKeys(response.headers),
    ...apiSecurityHeaders,
    [correlationHeader]: correlationId,
  };
  const { body } = response;
  if (body === undefined || body === null) return { status: response.status, headers };
  if (body instanceof Uint8Array) {
    return {
      status: response.status,
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body,
    };
  }
  if (typeof body === 'string') {
    const type = { 'content-type': 'text/plain; charset=utf-8', ...headers };
    return { status: response.status, headers: type, body: Buffer.from(body, 'utf8') };
  }
  const isProblem = headers['content-type']?.startsWith(problemContentType) === true;
  const value = isProblem && typeof body === 'object' ? { ...body, correlationId } : body;
  const type = { 'content-type': 'application/json; charset=utf-8', ...headers };
  return {
    status: response.status,
    headers: type,
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

/**
 * A storage failure of any kind: our typed ones, or an Azure SDK error that escaped a store
 * unmapped (a listing, an audit write). Every one is answered 503 with Retry-After (issue 8 item 4).
 */
export function isStorageFailure(error: unknown): boolean {
  return (
    error instanceof TransientStorageError ||
    error instanceof StorageRequestError ||
    classifyFailure(error) !== undefined
  );
}

function failureResponse(error: unknown): ApiResponse {
  if (isStorageFailure(error)) {
    return problem(
      503,
      'STORAGE_UNAVAILABLE',
      'Storage is busy or unreachable; try again shortly.',
      {
        headers: { 'retry-after': '5' },
      },
    );
  }
  return internalError();
}

/**
 * Runs a handler the same way on every host: unexpected errors become a 500 problem with the
 * correlation id (logged, never a stack trace in the response), and every response gets
 * `Cache-Control: no-store`, `nosniff` and the correlation id.
 */
export async function dispatch(
  handler: Handler,
  request: ApiRequest,
  log: Logger,
): Promise<WireResponse> {
  const correlationId = request.headers[correlationHeader] ?? 'unknown';
  let response: ApiResponse;
  try {
    response = await handler(request);
  } catch (error) {
    const what = isStorageFailure(error) ? 'Request failed: storage unavailable' : 'Request failed';
    log.error(what, { correlationId, method: request.method, path: request.path, error });
    response = failureResponse(error);
  }
  try {
    return encode(response, correlationId);
  } catch (error) {
    log.error('Response could not be serialised', { correlationId, path: request.path, error });
    return encode(internalError(), correlationId);
  }
}
