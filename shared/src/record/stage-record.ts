import type { CaseEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import { allInstances, stageDefinition } from '../domain/stage-lookup';
import type { CaseState, Plan, Signature, StageInstance } from '../domain/state';
import type { ProcedureDefinition } from '../procedures/schema';
import type { RecordedEvent } from './recorded-event';

/** A signature as the record keeps it: still valid, or voided by a later change. */
export type RecordedSignature = Signature & { readonly voided: boolean };

/** One version of a stage's plan, exactly as it stood, with who signed that version. */
export interface PlanVersionRecord extends Plan {
  readonly signatures: readonly RecordedSignature[];
  /** Every required signer signed this version and no change voided it. */
  readonly fullySigned: boolean;
}

/** A correction recorded on a stage (the entry it superseded stays in the history). */
export interface StageCorrection {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly entryId: string;
  readonly reason: string;
}

/** One run of a stage, kept whole after it ends and after the case closes. */
export interface StageRecord {
  readonly instanceId: string;
  readonly stageId: string;
  readonly label: string;
  readonly entryId: string;
  readonly startedOn: string;
  readonly startedAt: string;
  readonly reason: string;
  readonly endedAt: string | null;
  readonly current: boolean;
  readonly planVersions: readonly PlanVersionRecord[];
  readonly meetings: StageInstance['meetings'];
  readonly observations: StageInstance['observations'];
  readonly reviews: StageInstance['reviews'];
  readonly duties: StageInstance['duties'];
  readonly finalOutcome: StageInstance['finalOutcome'];
  readonly appeal: StageInstance['appeal'];
  readonly corrections: readonly StageCorrection[];
}

interface Tracked {
  readonly versions: Map<number, Plan>;
  signatures: RecordedSignature[];
  readonly fullySigned: Set<number>;
  readonly corrections: StageCorrection[];
}

function tracked(map: Map<string, Tracked>, instanceId: string): Tracked {
  let entry = map.get(instanceId);
  if (entry === undefined) {
    entry = { versions: new Map(), signatures: [], fullySigned: new Set(), corrections: [] };
    map.set(instanceId, entry);
  }
  return entry;
}

function track(entry: Tracked, event: CaseEvent, recorded: RecordedEvent): void {
  if (event.type === 'PlanSigned') entry.signatures.push({ ...event.signature, voided: false });
  if (event.type === 'PlanFullySigned') entry.fullySigned.add(event.planVersion);
  if (event.type === 'SignaturesVoided') {
    entry.signatures = entry.signatures.map((s) => ({ ...s, voided: true }));
    entry.fullySigned.clear();
  }
  const correction = correctionOf(event);
  if (correction !== undefined)
    entry.corrections.push({ ...correction, seq: recorded.seq, at: recorded.at });
}

/** The correction an event records, if it is one (a loose read so this module needs no engine change). */
function correctionOf(event: CaseEvent): Omit<StageCorrection, 'seq' | 'at'> | undefined {
  const e = event as unknown as {
    type: string;
    correction?: { kind: string; entryId: string; reason: string };
  };
  if (e.type !== 'EntryCorrected' || e.correction === undefined) return undefined;
  return { kind: e.correction.kind, entryId: e.correction.entryId, reason: e.correction.reason };
}

function planVersions(entry: Tracked | undefined): PlanVersionRecord[] {
  if (entry === undefined) return [];
  return [...entry.versions.values()]
    .sort((a, b) => a.version - b.version)
    .map((plan) => ({
      ...plan,
      signatures: entry.signatures.filter((s) => s.planVersion === plan.version),
      fullySigned: entry.fullySigned.has(plan.version),
    }));
}

/** The state after all events, and each stage's plan versions and signatures along the way. */
export function replay(events: readonly RecordedEvent[]): {
  readonly state: CaseState | null;
  readonly byInstance: ReadonlyMap<string, Tracked>;
} {
  const byInstance = new Map<string, Tracked>();
  let state: CaseState | null = null;
  for (const recorded of events) {
    const { event } = recorded;
    const before = state?.current?.instanceId;
    state = evolve(state, event);
    const instanceId = state.current?.instanceId ?? before;
    if (instanceId === undefined) continue;
    const entry = tracked(byInstance, instanceId);
    track(entry, event, recorded);
    if (state.current !== null) entry.versions.set(state.current.plan.version, state.current.plan);
  }
  return { state, byInstance };
}

/** Every stage run of a case, oldest first, with all plan versions and signatures (BF-21, ME-79). */
export function stageRecords(
  definition: ProcedureDefinition,
  events: readonly RecordedEvent[],
): StageRecord[] {
  const { state, byInstance } = replay(events);
  if (state === null) return [];
  return allInstances(state).map((instance) => ({
    instanceId: instance.instanceId,
    stageId: instance.stageId,
    label: stageDefinition(definition, instance.stageId)?.label ?? instance.stageId,
    entryId: instance.entryId,
    startedOn: instance.startedOn,
    startedAt: instance.startedAt,
    reason: instance.reason,
    endedAt: instance.endedAt,
    current: state.current?.instanceId === instance.instanceId,
    planVersions: planVersions(byInstance.get(instance.instanceId)),
    meetings: instance.meetings,
    observations: instance.observations,
    reviews: instance.reviews,
    duties: instance.duties,
    finalOutcome: instance.finalOutcome,
    appeal: instance.appeal,
    corrections: byInstance.get(instance.instanceId)?.corrections ?? [],
  }));
}
