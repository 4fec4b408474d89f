import { z } from 'zod';
import type { ProblemInfo } from './api-error';

const problemSchema = z.looseObject({
  detail: z.string().catch(''),
  code: z.string().catch('ERROR'),
  rules: z.array(z.string()).catch([]),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).catch([]),
  correlationId: z.string().nullable().catch(null),
});

/** The problem+json body of an error response, or a plain description when it has none. */
export async function readProblem(response: Response): Promise<ProblemInfo> {
  const fallback = `The request failed (HTTP ${response.status}).`;
  let raw: unknown;
  try {
    raw = await response.json();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    raw = {};
  }
  const body = problemSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
  return {
    status: response.status,
    code: body.code,
    detail: body.detail === '' ? fallback : body.detail,
    rules: body.rules,
    errors: body.errors,
    correlationId: body.correlationId,
  };
}
