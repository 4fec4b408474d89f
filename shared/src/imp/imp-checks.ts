import type { ProcedureDefinition } from '../procedures/schema';
import type { ImpInput } from './evaluate-imp';

type Point = ProcedureDefinition['imp'][number];
type Check = Point['checks'][number];

/** One evaluated trigger or expectation of an IMP point, with its rule (ME-71..78). */
export interface ImpResult {
  readonly id: string;
  readonly label: string;
  /** A trigger proposes action; a warning or note reports an expectation not met (or worth noting). */
  readonly kind: 'trigger' | 'warning' | 'note';
  /** `raised` when the trigger fired or the expectation is not met; `clear` otherwise. */
  readonly outcome: 'raised' | 'clear';
  readonly recommendation: string | null;
  readonly rules: readonly string[];
}

function raised(check: Check, input: ImpInput): boolean {
  const graded = input.grades.length;
  const matching = input.grades.filter((g) => check.grades.includes(g.grade)).length;
  switch (check.kind) {
    case 'noneOf':
    case 'noted':
      return matching > 0;
    case 'mainly':
      return graded > 0 && matching / graded < (check.atLeast ?? 0.5);
    case 'coreValues':
      return input.coreValues.length < (check.min ?? 1);
  }
}

/** Every expectation check of a point, evaluated over a record. */
export function evaluateChecks(point: Point, input: ImpInput): ImpResult[] {
  return point.checks.map((c) => ({
    id: c.id,
    label: c.label,
    kind: c.severity,
    outcome: raised(c, input) ? 'raised' : 'clear',
    recommendation: null,
    rules: c.rules,
  }));
}
