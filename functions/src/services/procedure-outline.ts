import type { ProcedureDefinition } from '@shared/procedures/schema';

/** A stage as the tab's timeline shows it: where it can be entered from, under which rules. */
interface StageOutline {
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  readonly formal: boolean | null;
  readonly rules: readonly string[];
  readonly entries: readonly {
    id: string;
    label: string;
    from: readonly string[];
    rules: readonly string[];
  }[];
  readonly closures: readonly { id: string; label: string; rules: readonly string[] }[];
  readonly targetStyle: 'SMART' | 'SHARP' | null;
  readonly observations: readonly { id: string; label: string; rules: readonly string[] }[];
  readonly meetings: readonly {
    id: string;
    label: string;
    agenda: readonly string[];
    rules: readonly string[];
  }[];
}

/** The parts of a procedure definition the tab renders (no settings values, no people). */
export interface ProcedureOutline {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly providerName: string;
  readonly stages: readonly StageOutline[];
  readonly categories: readonly {
    id: string;
    label: string;
    specialCategory: boolean;
    rules: readonly string[];
  }[];
  readonly imp: readonly {
    id: string;
    label: string;
    expectations: readonly string[];
    minCoreValues: number;
    rules: readonly string[];
  }[];
  readonly grades: readonly string[];
  readonly coreValues: readonly string[];
  readonly notices: readonly { id: string; text: string; rules: readonly string[] }[];
}

const rulesOf = (x: { rules: readonly string[] }) => x.rules;

/** The outline of a procedure: stages in order with their entries and closures, and the pick lists. */
export function procedureOutline(def: ProcedureDefinition): ProcedureOutline {
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    providerName: def.providerName,
    stages: def.stages.map((s) => ({
      id: s.id,
      label: s.label,
      summary: s.summary,
      formal: s.formal,
      rules: s.rules,
      entries: s.entries.map((e) => ({ id: e.id, label: e.label, from: e.from, rules: e.rules })),
      closures: s.closures.map((c) => ({ id: c.id, label: c.label, rules: c.rules })),
      targetStyle: s.plan?.targetStyle ?? null,
      observations: s.observations.map((o) => ({ id: o.id, label: o.label, rules: o.rules })),
      meetings: s.meetings.map((m) => ({
        id: m.id,
        label: m.label,
        agenda: m.agenda,
        rules: m.rules,
      })),
    })),
    categories: def.concern.categories.map((c) => ({
      id: c.id,
      label: c.label,
      specialCategory: c.specialCategory,
      rules: rulesOf(c),
    })),
    imp: def.imp.map((p) => ({
      id: p.id,
      label: p.label,
      expectations: p.expectations,
      minCoreValues: p.minCoreValues,
      rules: p.rules,
    })),
    grades: def.grades,
    coreValues: def.coreValues,
    notices: def.notices,
  };
}
