import type { Result } from '@shared/errors/refusal';
import { problemFromRefusal } from './problem';
import type { ApiResponse } from './route-types';

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
  };
}

/** 200 with a JSON body. */
export function okJson(body: unknown): ApiResponse {
  return json(200, body);
}

/** 201 with a JSON body and, when given, a Location header. */
export function createdJson(body: unknown, location?: string): ApiResponse {
  return json(201, body, location === undefined ? {} : { location });
}

/** Maps a service `Result`: a value through `onOk` (default 200 JSON), a refusal to its problem. */
export function fromResult<T>(
  result: Result<T>,
  onOk: (value: T) => ApiResponse = okJson,
): ApiResponse {
  return result.ok ? onOk(result.value) : problemFromRefusal(result.refusal);
}
