import type { z } from 'zod';
import { fieldErrors, type BodyParse } from './json-body';
import { problem } from './problem';
import type { ApiRequest } from './route-types';

function invalid(what: string, error: z.ZodError): BodyParse<never> {
  const detail = `The ${what} are not valid.`;
  return {
    ok: false,
    response: problem(400, 'VALIDATION_FAILED', detail, { errors: fieldErrors(error) }),
  };
}

/** Validates the route's path parameters, returning the parsed value or a 400 problem. */
export function parseParams<S extends z.ZodType>(
  request: ApiRequest,
  schema: S,
): BodyParse<z.output<S>> {
  const parsed = schema.safeParse({ ...request.params });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : invalid('path parameters', parsed.error);
}

/**
 * Validates the query string: an empty value counts as absent (`?stage=`), a repeated key is a 400,
 * and the schema decides which keys exist (strict: unknown keys are a 400).
 */
export function parseQuery<S extends z.ZodType>(
  request: ApiRequest,
  schema: S,
): BodyParse<z.output<S>> {
  const entries: [string, string | string[]][] = [];
  for (const key of new Set(request.query.keys())) {
    const all = request.query.getAll(key).filter((value) => value !== '');
    if (all.length > 0) entries.push([key, all.length === 1 ? (all[0] ?? '') : all]);
  }
  // fromEntries defines own properties: `?__proto__=x` becomes a key the strict schema refuses,
  // where `values[key] = ...` would have set the prototype and vanished.
  const parsed = schema.safeParse(Object.fromEntries(entries));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : invalid('query parameters', parsed.error);
}
