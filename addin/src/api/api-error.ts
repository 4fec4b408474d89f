/** One invalid field of a request, as the API names it (`path` is the field, e.g. `typedFullName`). */
interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** What the API said about a failed call; shown to the user with its rule IDs. */
export interface ProblemInfo {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly rules: readonly string[];
  readonly errors: readonly FieldProblem[];
  readonly correlationId: string | null;
}

/** An API call failed; `message` is fit to show, `problem` carries the code and rules. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly problem: ProblemInfo) {
    super(problem.detail);
  }
}
