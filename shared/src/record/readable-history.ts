import type { StaffMember } from '../domain/context';
import { evolve } from '../domain/evolve';
import type { CaseState } from '../domain/state';
import type { ProcedureDefinition } from '../procedures/schema';
import { nameActor, type NamedActor } from './actor-name';
import { describeEvent, type Visibility } from './describe-event';
import type { RecordedEvent } from './recorded-event';
import { entryKey } from './supersession';

/** One history entry a person can read: who (name and role then), what changed, which rules. */
export interface ReadableEntry {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  readonly command: string;
  readonly actor: NamedActor;
  readonly summary: string;
  readonly changes: readonly string[];
  readonly rules: readonly string[];
  readonly redacted: boolean;
  /** For a correction: the entry (seq) it supersedes. */
  readonly supersedes: number | null;
  /** For a corrected entry: the correction (seq) that superseded it. */
  readonly supersededBy: number | null;
  readonly hash: string;
}

/** A stored event with the hash the chain gave it. */
export type HashedEvent = RecordedEvent & { readonly hash: string };

/**
 * The whole history in plain English for one reader. Names come from the final state (people
 * keep their names after removal) while roles are those held when the event happened.
 */
export function readableHistory(
  definition: ProcedureDefinition,
  staff: readonly StaffMember[],
  events: readonly HashedEvent[],
  visibility: Visibility,
): ReadableEntry[] {
  let state: CaseState | null = null;
  const steps = events.map((e) => {
    const before: CaseState | null = state;
    state = evolve(state, e.event);
    return { e, before, after: state };
  });
  const final = state;
  const lastFor = new Map<string, number>();
  const supersededBy = new Map<number, number>();
  const entries = steps.map(({ e, before, after }) => {
    const key = entryKey(e.event, before?.current?.instanceId ?? after.current?.instanceId);
    let supersedes: number | null = null;
    if (key !== undefined) {
      const earlier = lastFor.get(key);
      if (e.event.type === 'EntryCorrected' && earlier !== undefined) {
        supersedes = earlier;
        supersededBy.set(earlier, e.seq);
      }
      lastFor.set(key, e.seq);
    }
    const text = describeEvent({ definition, before, after, event: e.event, visibility });
    return {
      seq: e.seq,
      at: e.at,
      type: e.event.type,
      command: e.command,
      actor: nameActor(definition, final, staff, e.actor, e.at),
      ...text,
      supersedes,
      supersededBy: null as number | null,
      hash: e.hash,
    };
  });
  return entries.map((e) => ({ ...e, supersededBy: supersededBy.get(e.seq) ?? null }));
}
