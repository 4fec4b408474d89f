import { caseCommandTypes, type CaseCommandType } from '@shared/domain/commands';
import { builtInProcedures } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import {
  advanceToReviewPoint,
  openBrightFutures,
  openMidEssex,
} from '../../../support/engine-fixtures';
import {
  oneOfEachType,
  personasFor,
  variants,
  type Persona,
} from '../../../support/engine-explore';
import type { EngineHarness } from '../../../support/engine-harness';
import { procedureEvidenceViolation } from '../../../support/engine-invariants';

/**
 * Drives the pure engine through every stage and closure of each built-in procedure by a
 * breadth-first search over command sequences offered by `availableCommands`: raise a concern,
 * start stages, add a target, observe, meet, review met / not met, record duties, final outcomes and
 * appeal decisions, and close. States are compared by what the guards look at, so the search ends.
 */

type Step = { readonly persona: string; readonly command: Record<string, unknown> };
interface Node {
  readonly h: EngineHarness;
  readonly path: readonly Step[];
}
interface Exploration {
  readonly stages: Map<string, readonly Step[]>;
  readonly closures: Map<string, { path: readonly Step[]; node: EngineHarness }>;
  readonly edges: Set<string>;
  readonly nodes: number;
  /** Reached states breaking the stage-evidence, outcome or meeting invariants (issue 11 items 1-3). */
  readonly violations: readonly string[];
}

const searched: readonly CaseCommandType[] = [
  'raiseConcern',
  'startStage',
  'addTarget',
  'recordObservation',
  'scheduleMeeting',
  'recordMeetingHeld',
  'signPlan',
  'recordReview',
  'recordFinalOutcome',
  'completeDuty',
  'recordAppealDecision',
  'recordAppealOutcome',
  'closeCase',
];

/** What the guards and the search care about; two states with the same key have the same futures. */
function key(h: EngineHarness): string {
  const s = h.mustState();
  const c = s.current;
  const unmet = s.completedStages
    .filter((i) => i.reviews.at(-1)?.allMet === false)
    .map((i) => i.stageId);
  return JSON.stringify([
    s.status.kind === 'closed' ? s.status.outcomeId : 'open',
    s.concerns.length > 0,
    s.concerns.some((x) => x.seriousIncident),
    [...new Set(unmet)].sort(),
    s.completedStages.some((i) => i.observations.length > 0),
    c === null
      ? null
      : [
          c.stageId,
          c.plan.targets.length,
          // signatures count: the Stage 3 -> 4 guard needs the plan signed (ME-57)
          c.signatures.filter((x) => x.planVersion === c.plan.version).length,
          c.reviews.map((r) => r.allMet),
          c.observations.map((o) => o.definitionId ?? '-').sort(),
          c.duties.length,
          c.meetings.map((m) => `${m.definitionId}:${m.status}`).sort(),
          c.finalOutcome?.progress ?? null,
          c.appeal.status,
        ],
  ]);
}

const guardedMeetings = (def: ProcedureDefinition) =>
  new Set([
    ...[...def.closuresWithoutStage, ...def.stages.flatMap((s) => [...s.entries, ...s.closures])]
      .flatMap((x) => x.guards)
      .filter((g) => g.name === 'meetingHeld')
      .map((g) => String(g.params.meeting)),
    // a duty that is a meeting (ME-64) waits for it too
    ...def.stages.flatMap((s) => s.duties.flatMap((d) => d.requiresMeeting ?? [])),
  ]);

/** Keeps the search finite: one target, one observation of each kind, at most two reviews, one concern of each kind. */
function worthTrying(h: EngineHarness, command: Record<string, unknown>): boolean {
  const s = h.mustState();
  const c = s.current;
  switch (command.type) {
    case 'raiseConcern':
      if (command.category === 'medical-circumstances') return false;
      return command.seriousIncident === true
        ? !s.concerns.some((x) => x.seriousIncident)
        : s.concerns.length === 0;
    case 'addTarget':
      return (c?.plan.targets.length ?? 0) === 0;
    case 'recordObservation': {
      const stage = h.definition.stages.find((x) => x.id === c?.stageId);
      if (command.observationDefinitionId === null)
        return (stage?.observations.length ?? 0) === 0 && (c?.observations.length ?? 0) === 0;
      return !(c?.observations ?? []).some(
        (o) => o.definitionId === command.observationDefinitionId,
      );
    }
    case 'scheduleMeeting':
      // only meetings a guard waits for; the others change no future
      return (
        guardedMeetings(h.definition).has(String(command.meetingDefinitionId)) &&
        !(c?.meetings ?? []).some((m) => m.definitionId === command.meetingDefinitionId)
      );
    case 'completeDuty': {
      // duties in the order the definition lists them: every set of done duties is reached once
      const stage = h.definition.stages.find((x) => x.id === c?.stageId);
      const next = stage?.duties.find(
        (d) =>
          !(c?.duties ?? []).some((r) => r.dutyId === d.id) &&
          (d.onlyIf === undefined || c?.appeal.status === d.onlyIf.appeal),
      );
      return next?.id === command.dutyId;
    }
    case 'recordReview':
      return (c?.reviews.length ?? 0) < 2;
    default:
      return true;
  }
}

const nodeLimit = 10_000;

function explore(
  open: () => EngineHarness,
  personas: readonly Persona[],
  limit = nodeLimit,
): Exploration {
  const root = open();
  const stages = new Map<string, readonly Step[]>();
  const closures = new Map<string, { path: readonly Step[]; node: EngineHarness }>();
  const edges = new Set<string>();
  const violations: string[] = [];
  const seen = new Set<string>([key(root)]);
  const queue: Node[] = [{ h: root, path: [] }];
  let nodes = 0;
  while (queue.length > 0 && nodes < limit) {
    const { h, path } = queue.shift()!;
    nodes++;
    if (h.mustState().status.kind === 'closed') continue;
    for (const persona of personas) {
      for (const option of h.available(persona.who)) {
        if (!searched.includes(option.type)) continue;
        for (const command of variants(h, persona.who, option)) {
          if (!worthTrying(h, command)) continue;
          const next = h.fork();
          if (command.type === 'recordReview') advanceToReviewPoint(next); // reviews happen at the review point (ME-11)
          if (next.run(persona.who, command) !== null) continue;
          const before = h.mustState();
          const after = next.mustState();
          const step = [...path, { persona: persona.key, command }];
          if (command.type === 'startStage' && after.current !== null) {
            edges.add(
              `${before.current?.stageId ?? 'none'} -> ${after.current.stageId} (${after.current.entryId})`,
            );
            if (!stages.has(after.current.stageId)) stages.set(after.current.stageId, step);
          }
          if (after.status.kind === 'closed') {
            const id = `${before.current?.stageId ?? 'none'}:${after.status.outcomeId}`;
            if (!closures.has(id)) closures.set(id, { path: step, node: next });
          }
          const violation = procedureEvidenceViolation(next.definition, after);
          if (violation !== null) violations.push(violation);
          const k = key(next);
          if (seen.has(k)) continue;
          seen.add(k);
          queue.push({ h: next, path: step });
        }
      }
    }
  }
  return { stages, closures, edges, nodes, violations };
}

/** The stage graph the definition declares: `from` of every entry. */
function stageGraph(def: ProcedureDefinition): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>([['none', new Set()]]);
  for (const stage of def.stages) graph.set(stage.id, graph.get(stage.id) ?? new Set());
  for (const stage of def.stages)
    for (const entry of stage.entries)
      for (const from of entry.from) graph.get(from)?.add(stage.id);
  return graph;
}

function reachable(graph: Map<string, Set<string>>): Set<string> {
  const seen = new Set(['none']);
  const queue = ['none'];
  while (queue.length > 0) {
    for (const next of graph.get(queue.shift()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

const declaredEdges = (def: ProcedureDefinition) =>
  def.stages
    .flatMap((s) => s.entries.flatMap((e) => e.from.map((from) => `${from} -> ${s.id} (${e.id})`)))
    .sort();
const declaredClosures = (def: ProcedureDefinition) =>
  [
    ...def.closuresWithoutStage.map((c) => `none:${c.id}`),
    ...def.stages.flatMap((s) => s.closures.map((c) => `${s.id}:${c.id}`)),
  ].sort();

const procedures = [
  { id: 'mid-essex-itt', open: () => openMidEssex() },
  { id: 'bright-futures-scitt', open: () => openBrightFutures() },
] as const;

describe.each(procedures)('path enumeration: $id', ({ id, open }) => {
  const def = builtInProcedures().get(id)!;
  const personas = personasFor(id);
  let result: Exploration;
  beforeAll(() => {
    result = explore(open, personas);
  });

  it('ME-09, BF-02: the stage graph built from the entries reaches every stage from none', () => {
    const graph = stageGraph(def);
    expect([...graph.keys()].filter((s) => !reachable(graph).has(s))).toEqual([]);
    for (const stage of def.stages)
      for (const entry of stage.entries)
        for (const from of entry.from) expect(graph.has(from)).toBe(true);
  });

  it('drives the engine into every stage of the definition', () => {
    expect(result.nodes).toBeLessThan(nodeLimit); // the search finished: every distinct state was expanded
    expect([...result.stages.keys()].sort()).toEqual(def.stages.map((s) => s.id).sort());
  });

  it('drives the engine to every closure, and the found path replays on a fresh case', () => {
    expect([...result.closures.keys()].sort()).toEqual(declaredClosures(def));
    for (const [closure, { path }] of result.closures) {
      const h = open();
      for (const step of path) {
        const who = personas.find((p) => p.key === step.persona)!.who;
        if (step.command.type === 'recordReview') advanceToReviewPoint(h);
        const refusal = h.run(who, step.command);
        if (refusal !== null)
          throw new Error(
            `${closure}: ${step.persona} ${String(step.command.type)} refused: ${refusal.message}`,
          );
      }
      expect(h.mustState().status).toMatchObject({
        kind: 'closed',
        outcomeId: closure.split(':')[1],
      });
    }
  });

  it('every entry the definition declares (from -> stage) can be taken', () => {
    // ENGINE BUG (mid-essex-itt): stage-3 entry "extreme-case" lists from "none", but its writtenEvidence
    // guard needs a recorded observation and observations can only be recorded within a stage, so that
    // entry can never be taken from "none".
    expect(declaredEdges(def).filter((e) => !result.edges.has(e))).toEqual([]);
  });

  it('ME-44..64, BF-26: no reachable state skips Stage 3 evidence, contradicts a review unexplained, or misses whom a meeting is for', () => {
    expect([...new Set(result.violations)]).toEqual([]);
  });

  it('ME-59: every path into the final review passed the Cause for Concern meeting, joint observation and signatures', () => {
    const path = result.stages.get('stage-4');
    if (id !== 'mid-essex-itt') {
      expect(path).toBeUndefined();
      return;
    }
    const types = (path ?? []).map((s) => String(s.command.type));
    expect(types).toEqual(
      expect.arrayContaining(['recordMeetingHeld', 'signPlan', 'recordObservation']),
    );
  });

  it('closed is final: after CaseClosed nobody is offered any command', () => {
    for (const { node } of result.closures.values()) {
      for (const persona of personas) expect(node.available(persona.who)).toEqual([]);
    }
  });

  it('closed is final: every command type is refused with CASE_CLOSED and changes nothing', () => {
    // ENGINE BUG (bright-futures-scitt): recordImp on a closed case is refused with WRONG_STAGE
    // (decide/imp.ts checks "no IMP points" before openCase), not CASE_CLOSED.
    const wrong: string[] = [];
    for (const [closure, { node }] of result.closures) {
      const commands = oneOfEachType(node, personas[0]!.who);
      expect(Object.keys(commands).sort()).toEqual([...caseCommandTypes].sort());
      for (const persona of personas) {
        if (
          !node
            .mustState()
            .participants.some((p) => p.oid === persona.who.oid && p.removedAt === null) &&
          !node.staff.some((s) => s.oid === persona.who.oid)
        )
          continue;
        for (const type of caseCommandTypes) {
          const before = node.events.length;
          const state = node.state;
          const refusal = node.run(persona.who, {
            ...commands[type],
            ...(type === 'signPlan' ? { typedFullName: persona.who.name } : {}),
          });
          if (refusal?.code !== 'CASE_CLOSED')
            wrong.push(`${closure} ${persona.key} ${type}: ${refusal?.code ?? 'accepted'}`);
          expect(node.events.length).toBe(before);
          expect(node.state).toBe(state);
        }
      }
    }
    expect([...new Set(wrong.map((w) => w.replace(/^\S+ \S+ /, '')))]).toEqual([]);
  });
});
