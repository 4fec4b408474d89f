import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import { problem, type FieldError } from './problem';
import type { ApiRequest, ApiResponse } from './route-types';
import { JsonBodyError, parseSafeJson } from './safe-json';

/** A parsed body, or the 4xx response to return instead. */
export type BodyParse<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: ApiResponse };

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type = '', ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || param === 'charset=utf-8');
}

function badRequest(detail: string, errors?: readonly FieldError[]): BodyParse<never> {
  return {
    ok: false,
    response: problem(400, 'VALIDATION_FAILED', detail, errors === undefined ? {} : { errors }),
  };
}

/** Reads a JSON body: 415 unless `application/json` (UTF-8), 400 when empty, malformed or unsafe. */
export function jsonBody(request: ApiRequest): BodyParse<unknown> {
  if (!isJsonContentType(request.headers['content-type'])) {
    const response = problem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as application/json (UTF-8).',
    );
    return { ok: false, response };
  }
  if (request.body.byteLength === 0)
    return badRequest('The request body is empty; a JSON object is required.');
  if (!isUtf8(request.body)) return badRequest('The request body is not valid UTF-8.');
  const text = Buffer.from(request.body)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: parseSafeJson(text) };
  } catch (error) {
    if (error instanceof JsonBodyError) return badRequest(error.message);
    throw error;
  }
}

/** Zod issues as field errors for a 400 problem. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Reads a JSON body and validates it with `schema`, returning the *parsed* value or a 4xx response. */
export function parseBody<S extends z.ZodType>(
  request: ApiRequest,
  schema: S,
): BodyParse<z.output<S>> {
  const body = jsonBody(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return badRequest('The request body is not valid.', fieldErrors(parsed.error));
  return { ok: true, value: parsed.data };
}
