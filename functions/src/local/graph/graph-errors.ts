import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/** A Graph error response: status and Graph's documented error body. */
export interface GraphReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id } } }`. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Readonly<Record<string, string>>,
): GraphReply {
  const requestId = randomUUID();
  return {
    status,
    ...(headers === undefined ? {} : { headers }),
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString(),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

/** The 400 Graph answers for a body it cannot read, naming the first problem. */
export function badBody(error: z.ZodError, type: string): GraphReply {
  const issue = error.issues[0];
  const where = issue?.path.join('.') ?? '';
  if (issue?.code === 'unrecognized_keys')
    return graphError(
      400,
      'RequestBodyRead',
      `The property '${issue.keys.join("', '")}' does not exist on type '${type}'.`,
    );
  return graphError(
    400,
    'RequestBodyRead',
    `Invalid value for '${where}' on type '${type}': ${issue?.message ?? 'invalid'}.`,
  );
}
