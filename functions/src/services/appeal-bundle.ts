import { strToU8, zipSync, type Zippable } from 'fflate';
import { readableHistory } from '@shared/record/readable-history';
import { visibilityFor } from '@shared/record/visibility';
import type { CaseRecordRead, RecordFile } from './case-record';
import { verifyStoredChain } from './chain-verification';
import { historyText, verificationText } from './record-text';

/** Renders one stage run's paperwork (the record service's `pdfOf`). */
export type StagePdf = (read: CaseRecordRead, position: number) => Promise<RecordFile>;

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function meetingsAndObservations(read: CaseRecordRead) {
  const name = (id: string) =>
    read.loaded.state.participants.find((p) => p.participantId === id)?.name ?? id;
  return read.stages.map((s) => ({
    position: read.stages.indexOf(s) + 1,
    stageId: s.stageId,
    label: s.label,
    meetings: s.meetings.map((m) => ({ ...m, attendeeNames: m.attendees.map(name) })),
    observations: s.observations.map((o) => ({ ...o, observerNames: o.observers.map(name) })),
  }));
}

/**
 * The appeal bundle (ME-65, ME-69; BF-26): every stage's paperwork PDF, the readable history (JSON
 * and text), the chain verification and the meetings and observations, in one zip.
 */
export async function appealBundle(
  read: CaseRecordRead,
  pdf: StagePdf,
  now: Date,
): Promise<RecordFile> {
  const { loaded } = read;
  const verification = verifyStoredChain(loaded.stored, read.stored, now);
  const history = readableHistory(
    loaded.ctx.definition,
    loaded.ctx.staff,
    read.events,
    visibilityFor(loaded.ctx, loaded.actor),
  );
  const files: Zippable = {};
  for (let position = 1; position <= read.stages.length; position += 1) {
    const file = await pdf(read, position);
    files[
      `stages/${String(position).padStart(2, '0')}-${read.stages[position - 1]?.stageId ?? 'stage'}.pdf`
    ] = file.bytes;
  }
  const caseId = loaded.state.caseId;
  files['README.txt'] = strToU8(
    [
      `CONFIDENTIAL – appeal bundle for case ${caseId} (${loaded.ctx.definition.providerName}, ${loaded.ctx.definition.title}, procedure version ${loaded.state.procedureVersion}).`,
      `Trainee: ${loaded.state.trainee.name}. Generated ${now.toISOString()} from the stored record.`,
      verificationText(verification),
      'stages/: each stage run’s paperwork at its latest plan version. history.txt / history.json: every entry, who did it and what changed.',
      'verification.json: the server’s recomputation of the hash chain. meetings-and-observations.json: every meeting and observation of every stage.',
      '',
    ].join('\n'),
  );
  files['verification.json'] = json(verification);
  files['history.json'] = json(history);
  files['history.txt'] = strToU8(`${historyText(history)}\n`);
  files['meetings-and-observations.json'] = json(meetingsAndObservations(read));
  files['stages.json'] = json(read.stages);
  return {
    filename: `${caseId}-appeal-bundle.zip`,
    contentType: 'application/zip',
    bytes: zipSync(files, { level: 6 }),
  };
}
