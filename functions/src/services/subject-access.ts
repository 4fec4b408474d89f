import { strToU8, zipSync, type Zippable } from 'fflate';
import { actorFor } from '@shared/domain/actor';
import { buildCaseView } from '@shared/domain/case-view';
import type { Identity } from '@shared/domain/context';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import { readableHistory } from '@shared/record/readable-history';
import { visibilityFor } from '@shared/record/visibility';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { CaseRecord, RecordFile } from './case-record';
import type { ProviderDirectory } from './provider-directory';
import { readState } from './stored-state';

/** The person a subject access request is about: their Entra ids (names and emails are not unique). */
export interface DataSubject {
  readonly tid: string;
  readonly oid: string;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * A subject access export (UK GDPR Art. 15) for a trainee: every case about them at every provider
 * where the caller is a Director, as JSON (the case as a Director sees it, every stage, the
 * readable history) plus every stage's paperwork PDF, in one zip.
 */
export class SubjectAccess {
  constructor(
    private readonly store: CaseStore,
    private readonly providers: ProviderDirectory,
    private readonly record: CaseRecord,
    private readonly clock: () => Date,
  ) {}

  async export(who: Identity, subject: DataSubject): Promise<Result<RecordFile>> {
    const files: Zippable = {};
    const index: { providerId: string; caseId: string; status: string; openedAt: string }[] = [];
    const directs: string[] = [];
    for (const provider of (await this.providers.all()).values()) {
      const { settings } = provider;
      if (!settings.tenants.includes(who.tid)) continue;
      const director = settings.staff.some(
        (s) => s.tid === who.tid && s.oid === who.oid && s.role === 'director',
      );
      if (!director) continue;
      directs.push(settings.providerId);
      for await (const snapshot of this.store.listSnapshots(settings.providerId)) {
        const state = readState(snapshot.state, snapshot.caseId);
        if (state.trainee.tid !== subject.tid || state.trainee.oid !== subject.oid) continue;
        const read = await this.record.read(who, state.caseId);
        if (!read.ok) continue;
        const { ctx } = read.value.loaded;
        const actor = actorFor(state, settings.staff, who);
        const base = `${settings.providerId}/${state.caseId}`;
        files[`${base}/case.json`] = json({
          ...buildCaseView(ctx, state, actor),
          stages: read.value.stages,
          participants: state.participants,
          concerns: state.concerns,
          comments: state.comments,
          imp: state.imp,
        });
        files[`${base}/history.json`] = json(
          readableHistory(ctx.definition, ctx.staff, read.value.events, visibilityFor(ctx, actor)),
        );
        for (let n = 1; n <= read.value.stages.length; n += 1) {
          const pdf = await this.record.latestPdf(read.value, n);
          files[
            `${base}/stages/${String(n).padStart(2, '0')}-${read.value.stages[n - 1]?.stageId ?? 'stage'}.pdf`
          ] = pdf.bytes;
        }
        index.push({
          providerId: settings.providerId,
          caseId: state.caseId,
          status: state.status.kind,
          openedAt: state.openedAt,
        });
      }
    }
    if (directs.length === 0)
      return fail(
        refuse(
          'ROLE_NOT_ALLOWED',
          'Only a Director can produce a subject access export (UK GDPR Art. 15).',
        ),
      );
    files['index.json'] = json({
      subject,
      generatedAt: this.clock().toISOString(),
      providersSearched: directs,
      cases: index,
    });
    return ok({
      filename: `subject-access-${subject.oid}.zip`,
      contentType: 'application/zip',
      bytes: zipSync(files, { level: 6 }),
    });
  }
}
