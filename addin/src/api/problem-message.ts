import * as z from 'zod/mini';
import type { ProblemInfo } from './api-error';

const problemSchema = z.looseObject({
  detail: z.catch(z.string(), ''),
  code: z.catch(z.string(), 'ERROR'),
  rules: z.catch(z.array(z.string()), []),
  errors: z.catch(z.array(z.object({ path: z.string(), message: z.string() })), []),
  correlationId: z.catch(z.nullable(z.string()), null),
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
