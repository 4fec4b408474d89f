import type { Identity } from '@shared/domain/context';
import { roleLabel } from '@shared/domain/stage-lookup';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import { dfeColumns, dfeRow, latestHandoff, toCsv } from '@shared/record/dfe-handoff';
import { buildPaperwork } from '@shared/record/paperwork/build-form';
import type { PaperworkForm } from '@shared/record/paperwork/form-model';
import { stageRecords, type StageRecord } from '@shared/record/stage-record';
import type { HashedEvent } from '@shared/record/readable-history';
import type { CaseStore, StoredEvent } from '../infrastructure/tables/case-store-port';
import { renderPaperwork } from '../pdf/pdf-renderer';
import type { CaseCommands, LoadedCase } from './case-service';
import { appealBundle } from './appeal-bundle';
import { verifyStoredChain, type ChainVerification } from './chain-verification';
import { recordedEvents } from './record-events';
import type { RetentionRun } from './retention';
import type { SubjectAccess } from './subject-access';

/** A case read whole for the record: the loaded case, its stored events and stage runs. */
export interface CaseRecordRead {
  readonly loaded: LoadedCase;
  readonly stored: readonly StoredEvent[];
  readonly events: readonly HashedEvent[];
  readonly stages: readonly StageRecord[];
}

/** A generated document. */
export interface RecordFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** The student's record: verification, paperwork, exports (issue 12). */
export class CaseRecord {
  /** Subject access exports (set by the wiring; optional so tests can build the record alone). */
  subjectAccess?: SubjectAccess;
  /** The retention erasure run (set by the wiring). */
  retention?: RetentionRun;

  constructor(
    private readonly commands: CaseCommands,
    private readonly store: CaseStore,
    private readonly clock: () => Date,
  ) {}

  /** Loads a case the caller may see with all its events (NOT_FOUND otherwise, like `getCase`). */
  async read(who: Identity, caseId: string): Promise<Result<CaseRecordRead>> {
    const loaded = await this.commands.load(who, caseId);
    if (!loaded.ok) return loaded;
    const stored = await this.store.events(loaded.value.stored.providerId, caseId);
    const events = recordedEvents(stored);
    return ok({
      loaded: loaded.value,
      stored,
      events,
      stages: stageRecords(loaded.value.ctx.definition, events),
    });
  }

  /** Recomputes the case's hash chain server-side: `intact`, or the first broken entry. */
  async verification(who: Identity, caseId: string): Promise<Result<ChainVerification>> {
    const read = await this.read(who, caseId);
    if (!read.ok) return read;
    return ok(verifyStoredChain(read.value.loaded.stored, read.value.stored, this.clock()));
  }

  /** The paperwork form of stage run `position` at plan `version` (latest when omitted). */
  paperwork(read: CaseRecordRead, position: number, version?: number): Result<PaperworkForm> {
    const { state, ctx } = read.loaded;
    return buildPaperwork({
      definition: ctx.definition,
      settings: ctx.settings,
      procedureVersion: state.procedureVersion,
      trainee: state.trainee,
      participants: state.participants,
      stages: read.stages,
      position,
      ...(version === undefined ? {} : { version }),
    });
  }

  /** The stage's paperwork as a PDF (ME-79, BF-21), generated from the stored record. */
  async stagePdf(
    who: Identity,
    caseId: string,
    position: number,
    version?: number,
  ): Promise<Result<RecordFile>> {
    const read = await this.read(who, caseId);
    if (!read.ok) return read;
    const form = this.paperwork(read.value, position, version);
    if (!form.ok) return form;
    return ok(await this.pdfOf(read.value, position, form.value));
  }

  /** The appeal bundle for a director (ME-65, ME-69; BF-26): every stage's PDF, history, verification. */
  async appealBundle(who: Identity, caseId: string): Promise<Result<RecordFile>> {
    const read = await this.read(who, caseId);
    if (!read.ok) return read;
    const { actor, ctx } = read.value.loaded;
    if (!actor.roles.includes('director')) {
      const rules = directorRules(ctx.definition);
      return fail(
        refuse(
          'ROLE_NOT_ALLOWED',
          `Only the ${roleLabel(ctx.definition, 'director')} can download the appeal bundle (${rules.join(', ')}).`,
          rules,
        ),
      );
    }
    return ok(await appealBundle(read.value, (r, n) => this.latestPdf(r, n), this.clock()));
  }

  /** Stage run `position` at its latest plan version. */
  async latestPdf(read: CaseRecordRead, position: number): Promise<RecordFile> {
    const form = this.paperwork(read, position);
    if (!form.ok) throw new CaseRecordError(form.refusal.message);
    return this.pdfOf(read, position, form.value);
  }

  /** The DfE handoff row (ME-70) for provider-wide staff, as JSON or CSV. */
  async dfeHandoff(
    who: Identity,
    caseId: string,
    format: 'json' | 'csv',
  ): Promise<Result<RecordFile | { columns: readonly string[]; row: Record<string, string> }>> {
    const read = await this.read(who, caseId);
    if (!read.ok) return read;
    const { actor, ctx, state } = read.value.loaded;
    if (!actor.roles.some((r) => r === 'director' || r === 'programmeLead'))
      return fail(
        refuse(
          'ROLE_NOT_ALLOWED',
          `Only the ${roleLabel(ctx.definition, 'director')} or ${roleLabel(ctx.definition, 'programmeLead')} can export the DfE handoff (ME-70).`,
          ['ME-70'],
        ),
      );
    const handoff = latestHandoff(read.value.events);
    if (handoff === undefined)
      return fail(
        refuse('NOT_FOUND', 'No DfE handoff has been recorded on this case yet (ME-70).', [
          'ME-70',
        ]),
      );
    const row = dfeRow(state, ctx.definition.providerName, handoff);
    if (format === 'json') return ok({ columns: dfeColumns, row });
    return ok({
      filename: `${caseId}-dfe-handoff.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: new TextEncoder().encode(toCsv(dfeColumns, [row])),
    });
  }

  /** Renders one form. */
  async pdfOf(read: CaseRecordRead, position: number, form: PaperworkForm): Promise<RecordFile> {
    const stage = read.stages[position - 1];
    const version = form.planVersion === null ? '' : `-v${String(form.planVersion)}`;
    return {
      filename: `${read.loaded.state.caseId}-${String(position)}-${stage?.stageId ?? 'stage'}${version}.pdf`,
      contentType: 'application/pdf',
      bytes: await renderPaperwork(form, this.clock()),
    };
  }
}

/** The rules that give the Director the appeal (ME-65, ME-69) or the position meeting (BF-26). */
function directorRules(definition: ProcedureDefinition): string[] {
  const appeal = definition.stages
    .filter((s) => s.appeal)
    .flatMap((s) => s.duties.filter((d) => d.effect === 'appeal-informed').flatMap((d) => d.rules));
  return appeal.length > 0 ? appeal : definition.id === 'bright-futures-scitt' ? ['BF-26'] : [];
}

/** A programming error in the record service (a stage position that its own read produced). */
export class CaseRecordError extends Error {
  override readonly name = 'CaseRecordError';
}
