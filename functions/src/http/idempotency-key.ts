import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Identity } from '@shared/domain/context';
import type { BodyParse } from './json-body';
import { problem } from './problem';
import type { ApiRequest } from './route-types';

/** The request header a client sets to make a command safe to retry. */
export const idempotencyHeader = 'idempotency-key';

/** An idempotency key: 8–100 URL-safe characters. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8-100 letters, digits, - or _');

/**
 * The command id for this request: from `Idempotency-Key` when present (scoped to the caller and
 * the route, so two people's keys never collide), otherwise a fresh random id. 400 when malformed.
 */
export function commandIdFor(request: ApiRequest, who: Identity, scope: string): BodyParse<string> {
  const given = request.headers[idempotencyHeader];
  if (given === undefined) return { ok: true, value: randomUUID() };
  const parsed = idempotencyKeySchema.safeParse(given);
  if (!parsed.success) {
    const detail = 'The Idempotency-Key header must be 8-100 letters, digits, - or _.';
    return { ok: false, response: problem(400, 'VALIDATION_FAILED', detail) };
  }
  const scoped = `${who.tid}|${who.oid}|${scope}|${parsed.data}`;
  return { ok: true, value: createHash('sha256').update(scoped).digest('base64url') };
}
