import type { ProcedureDefinition } from '../procedures/schema';
import { evaluateChecks, type ImpResult } from './imp-checks';

/** One IMP record as entered. */
export interface ImpInput {
  readonly grades: readonly {
    readonly indicator: string;
    readonly grade: string;
    readonly placement: 'A' | 'B' | null;
  }[];
  readonly partTwoMet: boolean;
  readonly coreValues: readonly string[];
  readonly standardsMetInFull: boolean | null;
}

type Point = ProcedureDefinition['imp'][number];
type Trigger = Point['triggers'][number];

/** What the triggers propose. A person decides (ME-71..78). */
export interface ImpEvaluation {
  readonly fired: {
    triggerId: string;
    label: string;
    recommendation: string;
    rules: readonly string[];
  }[];
  readonly notes: string[];
  /** Every trigger and expectation of the point, raised or clear, each with its rule. */
  readonly results: ImpResult[];
}

function fires(trigger: Trigger, input: ImpInput): boolean {
  const graded = input.grades.length;
  const matching = input.grades.filter((g) => trigger.grades.includes(g.grade)).length;
  switch (trigger.kind) {
    case 'shareOfGrades':
      return graded > 0 && matching / graded >= (trigger.atLeast ?? 0.5);
    case 'anyGrade':
      return matching > 0;
    case 'noOpportunityAtPlacement':
      // "at either A or B placement": any placement, recorded or not
      return matching > 0;
    case 'partTwoNotMet':
      return !input.partTwoMet;
    case 'standardsNotMetInFull':
      return input.standardsMetInFull === false;
  }
}

/** Evaluates an IMP point's triggers and expectations over a record. */
export function evaluateImp(point: Point, input: ImpInput): ImpEvaluation {
  const fired = point.triggers
    .filter((t) => fires(t, input))
    .map((t) => ({
      triggerId: t.id,
      label: t.label,
      recommendation: t.recommendation,
      rules: t.rules,
    }));
  const notes: string[] = [];
  if (input.coreValues.length < point.minCoreValues) {
    notes.push(
      `Expected at least ${point.minCoreValues} CORE value(s) at ${point.label}; ${input.coreValues.length} recorded.`,
    );
  }
  const triggers = point.triggers.map((t): ImpResult => ({
    id: t.id,
    label: t.label,
    kind: 'trigger',
    outcome: fired.some((f) => f.triggerId === t.id) ? 'raised' : 'clear',
    recommendation: t.recommendation,
    rules: t.rules,
  }));
  return { fired, notes, results: [...triggers, ...evaluateChecks(point, input)] };
}
