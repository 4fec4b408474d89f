import { brightFuturesScitt } from './bright-futures-scitt';
import { midEssexItt } from './mid-essex-itt';
import { procedureDefinitionSchema, type ProcedureDefinition } from './schema';
import { fail, ok, refuse, type Result } from '../errors/refusal';
import { resolveSettings } from '../domain/settings';
import { evidenceReferenceProblem } from './reference-checks';

/** Validates a procedure definition given as data (how a third provider is added, without code). */
export function parseProcedure(data: unknown): Result<ProcedureDefinition> {
  const parsed = procedureDefinitionSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail(
      refuse(
        'VALIDATION_FAILED',
        `Invalid procedure definition at ${first?.path.join('.') ?? '(root)'}: ${first?.message ?? 'invalid'}`,
      ),
    );
  }
  return checkReferences(parsed.data);
}

function checkReferences(def: ProcedureDefinition): Result<ProcedureDefinition> {
  const stageIds = new Set(def.stages.map((s) => s.id));
  const settingKeys = new Set(def.settings.map((s) => s.key));
  const badFrom = def.stages
    .flatMap((s) => s.entries.flatMap((e) => e.from))
    .find((f) => f !== 'none' && !stageIds.has(f));
  if (badFrom !== undefined)
    return fail(
      refuse('VALIDATION_FAILED', `A stage entry comes from unknown stage "${badFrom}".`),
    );
  const stageIdList = def.stages.map((s) => s.id);
  const duplicate = stageIdList.find((id, i) => stageIdList.indexOf(id) !== i);
  if (duplicate !== undefined)
    return fail(refuse('VALIDATION_FAILED', `Two stages have the id "${duplicate}".`));
  for (const stage of def.stages) {
    const needed = stage.review?.requiresObservation;
    if (needed !== undefined && !stage.observations.some((o) => o.id === needed)) {
      return fail(
        refuse(
          'VALIDATION_FAILED',
          `${stage.id}: the review requires observation "${needed}", which the stage does not define.`,
        ),
      );
    }
    const guards = stage.closures.flatMap((c) => c.guards);
    const meeting = guards.find(
      (g) => g.name === 'meetingHeld' && !stage.meetings.some((m) => m.id === g.params.meeting),
    );
    if (meeting !== undefined) {
      return fail(
        refuse(
          'VALIDATION_FAILED',
          `${stage.id}: a meetingHeld guard names meeting "${String(meeting.params.meeting)}", which the stage does not define.`,
        ),
      );
    }
  }
  const evidence = evidenceReferenceProblem(def);
  if (evidence !== null) return fail(refuse('VALIDATION_FAILED', evidence));
  const defaults = resolveSettings(def, {});
  if (!defaults.ok)
    return fail(
      refuse(
        'VALIDATION_FAILED',
        `A setting's default does not fit its type: ${defaults.refusal.message}`,
      ),
    );
  const refs = JSON.stringify(def).match(/"setting":"([^"]+)"/g) ?? [];
  const badSetting = refs.map((r) => r.slice(11, -1)).find((k) => !settingKeys.has(k));
  if (badSetting !== undefined)
    return fail(
      refuse(
        'VALIDATION_FAILED',
        `The definition uses setting "${badSetting}" but does not declare it.`,
      ),
    );
  return ok(def);
}

function must(data: unknown): ProcedureDefinition {
  const result = parseProcedure(data);
  if (!result.ok) throw new ProcedureDefinitionError(result.refusal.message);
  return result.value;
}

/** Raised at start-up when a built-in definition is invalid (a programming error). */
export class ProcedureDefinitionError extends Error {
  override readonly name = 'ProcedureDefinitionError';
}

let builtIn: ReadonlyMap<string, ProcedureDefinition> | undefined;

/**
 * The built-in procedures, validated on first use (about 20 ms, kept off the Functions cold
 * load) and the same objects on every call. Unit tests validate both definitions on every run.
 */
export function builtInProcedures(): ReadonlyMap<string, ProcedureDefinition> {
  builtIn ??= new Map([must(brightFuturesScitt), must(midEssexItt)].map((d) => [d.id, d]));
  return builtIn;
}
