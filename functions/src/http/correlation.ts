import { randomUUID } from 'node:crypto';

/** Request and response header carrying the correlation id. */
export const correlationHeader = 'x-correlation-id';

const safeId = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's correlation id when it is a safe token, else a fresh one. */
export function correlationIdFrom(
  headers: Readonly<Record<string, string>>,
  fallback: () => string = randomUUID,
): string {
  const given = headers[correlationHeader];
  return given !== undefined && safeId.test(given) ? given : fallback();
}
