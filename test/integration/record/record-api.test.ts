import { TableClient } from '@azure/data-tables';
import { strFromU8, unzipSync } from 'fflate';
import { eventRowKey } from '../../../functions/src/infrastructure/tables/row-keys';
import type { HistoryEntry } from '../../../functions/src/services/case-service-port';
import type { CaseRecordView } from '@shared/record/stages-view';
import { bodyOf, startApi, type ApiHarness } from '../api/api-fixture';
import {
  meThroughEveryStage,
  servicesOn,
  TestClock,
  type FullCase,
} from '../../support/record-service-fixture';
import { pdfText } from '../../support/pdf-text';
import { cmd, meCaseAt, who } from '../../support/service-fixture';

jest.setTimeout(120_000);

let api: ApiHarness;
let full: FullCase;

beforeAll(async () => {
  api = await startApi();
  const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
  full = await meThroughEveryStage(servicesOn(api.services.tables, clock), clock);
});
afterAll(async () => {
  await api.stop();
});

const history = async (caseId: string, as = 'me-course-tutor') =>
  bodyOf<{ events: HistoryEntry[] }>(await api.call('GET', `/api/cases/${caseId}/history`, { as }))
    .events;

test('ME-70, BF-21: a closed case keeps every stage in GET /api/cases/{id} and is listed with status=closed', async () => {
  const reply = await api.call('GET', `/api/cases/${full.caseId}`, { as: 'me-director' });
  expect(reply.status).toBe(200);
  const view = bodyOf<CaseRecordView>(reply);
  expect(view.status.kind).toBe('closed');
  expect(view.stage).toBeNull();
  expect(view.stages.map((s) => [s.position, s.stageId, s.current])).toEqual([
    [1, 'pre-stage-1', false],
    [2, 'stage-1', false],
    [3, 'stage-2', false],
    [4, 'stage-3', false],
    [5, 'stage-4', false],
    [6, 'stage-5', false],
    [7, 'stage-6', false],
  ]);
  const stage3 = view.stages[3]!;
  const signed = stage3.planVersions.at(-1)!;
  expect(signed.fullySigned).toBe(true);
  expect(signed.signatures.map((s) => s.role).sort()).toEqual(
    ['courseTutor', 'director', 'mentor', 'professionalMentor', 'trainee'].sort(),
  );
  expect(stage3.observations[0]?.notes).toBe('Initial joint observation of Year 9');
  expect(view.stages[4]!.finalOutcome?.basis).toBe('unlikely-to-progress');
  const listed = bodyOf<{ cases: { caseId: string; status: string }[] }>(
    await api.call('GET', '/api/cases?status=closed', { as: 'me-course-tutor' }),
  ).cases;
  expect(listed.map((c) => c.caseId)).toContain(full.caseId);
  expect(listed.every((c) => c.status === 'closed')).toBe(true);
});

test('ME-28, ME-57: the history names each actor with their role then, in plain English, with rule ids', async () => {
  const events = await history(full.caseId);
  const line = (e: HistoryEntry) =>
    `${e.actor.name} (${e.actor.roleLabels.join(', ')}): ${e.summary}`;
  const lines = events.map(line);
  expect(lines[0]).toMatch(/^Claire Fenton \(Course Tutor\): Opened the case for Emily Clarke/);
  expect(lines).toContain(
    `Gareth Jones (Mentor): Signed plan version ${String(full.view.stages[1]!.planVersions.at(-1)!.version)} as Mentor`,
  );
  expect(lines).toContain(
    'Helen Moss (Professional Tutor): Raised a concern: Teaching causing concern (planning, behaviour, marking)',
  );
  expect(lines).toContain(
    'Ruth Adeyemi (Director / Assistant Director): Done: Formal letter sent to the trainee, copied to the Course Tutor',
  );
  const letter = events.find((e) => e.summary.startsWith('Done: Formal letter'))!;
  expect(letter.rules).toEqual(['ME-67']);
  expect(letter.actor.oid).toBe(who('me-director').oid);
  const outcome = events.find((e) => e.type === 'FinalOutcomeRecorded')!;
  expect(outcome.summary).toBe(
    'Recorded the final outcome: Outcome 2, insufficient progress: unlikely to make progress towards QTS',
  );
  expect(outcome.changes).toEqual([
    'Agreed by: Gareth Jones, Sanjay Patel, Claire Fenton',
    'Notes: Agreed at the final review',
  ]);
  expect(
    events.every((e) => e.summary.length > 0 && !/^[A-Z][a-z]+[A-Z]\w+$/.test(e.summary)),
  ).toBe(true);
});

test('AU2: GET .../history/verification reports intact, then catches a chain tampered in Azurite storage', async () => {
  const path = `/api/cases/${full.caseId}/history/verification`;
  const intact = bodyOf<{ status: string; events: number }>(
    await api.call('GET', path, { as: 'me-course-tutor' }),
  );
  expect(intact).toMatchObject({ status: 'intact' });
  const events = await history(full.caseId);
  expect(intact.events).toBe(events.length);
  const victim = events.find((e) => e.type === 'FinalOutcomeRecorded')!;
  const table = TableClient.fromConnectionString(
    process.env.AZURE_TABLES_CONNECTION_STRING!,
    api.services.tables.cases,
    {
      allowInsecureConnection: true,
    },
  );
  const row = await table.getEntity<{ data: string }>(
    'mid-essex-itt',
    eventRowKey(full.caseId, victim.seq),
  );
  await table.updateEntity(
    {
      partitionKey: 'mid-essex-itt',
      rowKey: row.rowKey!,
      data: row.data.replace('insufficient', 'sufficient'),
    },
    'Merge',
    { etag: row.etag },
  );
  const broken = await api.call('GET', path, { as: 'me-course-tutor' });
  expect(broken.status).toBe(200);
  expect(bodyOf(broken)).toMatchObject({
    status: 'broken',
    brokenAtSeq: victim.seq,
    brokenEntry: { seq: victim.seq, type: 'FinalOutcomeRecorded' },
  });
  await table.updateEntity(
    { partitionKey: 'mid-essex-itt', rowKey: row.rowKey!, data: row.data },
    'Merge',
  );
  expect(bodyOf(await api.call('GET', path, { as: 'me-course-tutor' }))).toMatchObject({
    status: 'intact',
  });
});

test('issue 12: a correction through POST .../corrections supersedes the entry; a closed case refuses it naming the way forward', async () => {
  const id = await meCaseAt(api.services, 'stage-1');
  const view = bodyOf<CaseRecordView>(
    await api.call('GET', `/api/cases/${id}`, { as: 'me-course-tutor' }),
  );
  const mentor = view.participants.find((p) => p.role === 'mentor')!.participantId;
  const date = '2026-01-12';
  const recorded = await api.call('POST', `/api/cases/${id}/observations`, {
    as: 'me-course-tutor',
    json: { date, observers: [mentor], notes: 'Observed Year 8' },
    headers: { 'idempotency-key': cmd() },
  });
  expect(recorded.status).toBe(200);
  const obs = bodyOf<{ view: CaseRecordView }>(recorded).view.stage!.observations[0]!;
  const corrected = await api.call('POST', `/api/cases/${id}/corrections`, {
    as: 'me-course-tutor',
    json: {
      reason: 'It was Year 9',
      correction: {
        kind: 'observation',
        observationId: obs.observationId,
        date,
        observers: [mentor],
        notes: 'Observed Year 9',
      },
    },
    headers: { 'idempotency-key': cmd() },
  });
  expect(corrected.status).toBe(200);
  const entries = await history(id);
  const original = entries.find((e) => e.type === 'ObservationRecorded')!;
  const correction = entries.find((e) => e.type === 'EntryCorrected')!;
  expect(correction).toMatchObject({
    summary: 'Corrected the observation: It was Year 9',
    supersedes: original.seq,
  });
  expect(original.supersededBy).toBe(correction.seq);
  const missingReason = await api.call('POST', `/api/cases/${id}/corrections`, {
    as: 'me-course-tutor',
    json: { correction: { kind: 'duty', dutyId: 'evidence-gathered' } },
    headers: { 'idempotency-key': cmd() },
  });
  expect(missingReason.status).toBe(400);
  const closed = await api.call('POST', `/api/cases/${full.caseId}/corrections`, {
    as: 'me-director',
    json: {
      reason: 'Wrong',
      correction: { kind: 'finalOutcome', progress: 'sufficient', notes: 'x' },
    },
    headers: { 'idempotency-key': cmd() },
  });
  expect(closed.status).toBe(409);
  const problem = bodyOf<{ code: string; detail: string; rules: string[] }>(closed);
  expect(problem.code).toBe('CASE_CLOSED');
  expect(problem.rules).toEqual(expect.arrayContaining(['ME-53', 'ME-65', 'ME-69']));
  expect(problem.detail).toContain('right of appeal');
});

test('ME-65, ME-69: the appeal bundle holds every stage PDF, the readable history, the verification, meetings and observations; Director only', async () => {
  const download = async (persona: string) => {
    const token = await api.idp.issueToken(persona);
    const response = await fetch(`${api.host.url}/api/cases/${full.caseId}/appeal-bundle`, {
      headers: { authorization: `Bearer ${token ?? ''}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };
  const refused = await download('me-course-tutor');
  expect(refused.status).toBe(403);
  expect(JSON.parse(new TextDecoder().decode(refused.bytes))).toMatchObject({
    code: 'ROLE_NOT_ALLOWED',
    rules: ['ME-65', 'ME-69'],
  });
  const got = await download('me-director');
  expect(got.status).toBe(200);
  expect(got.type).toBe('application/zip');
  const files = unzipSync(got.bytes);
  expect(Object.keys(files).sort()).toEqual(
    [
      'README.txt',
      'history.json',
      'history.txt',
      'meetings-and-observations.json',
      'stages.json',
      'verification.json',
      'stages/01-pre-stage-1.pdf',
      'stages/02-stage-1.pdf',
      'stages/03-stage-2.pdf',
      'stages/04-stage-3.pdf',
      'stages/05-stage-4.pdf',
      'stages/06-stage-5.pdf',
      'stages/07-stage-6.pdf',
    ].sort(),
  );
  const text = (name: string) => strFromU8(files[name]!);
  expect(JSON.parse(text('verification.json'))).toMatchObject({ status: 'intact' });
  expect(text('README.txt')).toContain('Hash chain intact');
  const entries = await history(full.caseId, 'me-director');
  expect(JSON.parse(text('history.json'))).toEqual(entries);
  const lines = text('history.txt').split('\n');
  expect(lines[0]).toMatch(
    /^1\. \S+ Claire Fenton \(Course Tutor\): Opened the case for Emily Clarke/,
  );
  expect(lines).toContain(
    `${String(entries.at(-1)!.seq)}. ${entries.at(-1)!.at} Ruth Adeyemi (Director / Assistant Director): Closed the case: Board confirmed: trainee withdrawn (DfE Register) [ME-70]`,
  );
  const mo = JSON.parse(text('meetings-and-observations.json')) as {
    stageId: string;
    observations: { observerNames: string[] }[];
  }[];
  expect(mo.find((s) => s.stageId === 'stage-3')?.observations[0]?.observerNames).toEqual([
    'Gareth Jones',
    'Claire Fenton',
  ]);
  expect(pdfText(files['stages/04-stage-3.pdf']!)).toContain(
    'Stage 3 – Start of Cause for Concern Process (10 days maximum)',
  );
});

test('ME-70: the DfE handoff is recorded at Stage 6 and exported as one Register row (JSON and CSV), for the Director or Programme Leader', async () => {
  const path = `/api/cases/${full.caseId}/dfe-handoff`;
  expect((await api.call('GET', path, { as: 'me-mentor' })).status).toBe(403);
  const reply = await api.call('GET', path, { as: 'me-director' });
  if (reply.status !== 200) throw new Error(reply.text);
  const { columns, row } = bodyOf<{ columns: string[]; row: Record<string, string> }>(reply);
  expect(row).toMatchObject({
    Case: full.caseId,
    Provider: 'Mid Essex ITT',
    Trainee: 'Emily Clarke',
    'Board decision': 'withdrawn',
    'DfE Register action': 'Withdraw',
    'Who chose to withdraw': 'We (the provider)',
    Reason: 'Lack of progress during placements',
    'Reason details': 'Outcome 2 at the final review (ME-62)',
    'Recorded by': 'Ruth Adeyemi',
  });
  const csv = await api.call('GET', `${path}?format=csv`, { as: 'me-director' });
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const [header, line, end] = csv.text.split('\r\n');
  expect(header).toBe(columns.map((c) => `"${c}"`).join(','));
  expect(line).toBe(columns.map((c) => `"${row[c]!}"`).join(','));
  expect(end).toBe('');
  const entry = (await history(full.caseId)).find((e) => e.type === 'DfeHandoffRecorded')!;
  expect(entry.summary).toMatch(
    /^Recorded the DfE handoff: the recommending board's decision on \d{4}-\d{2}-\d{2} was withdrawn$/,
  );
  expect(entry.rules).toEqual(['ME-70']);
});

test('UK GDPR Art. 15: a Director’s subject access export holds every case about the trainee as JSON plus every stage PDF', async () => {
  const trainee = who('me-trainee-1');
  const download = async (persona: string) => {
    const token = await api.idp.issueToken(persona);
    const response = await fetch(
      `${api.host.url}/api/subject-access?tid=${trainee.tid}&oid=${trainee.oid}`,
      {
        headers: { authorization: `Bearer ${token ?? ''}` },
      },
    );
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  expect((await download('me-course-tutor')).status).toBe(403);
  const got = await download('me-director');
  expect(got.status).toBe(200);
  const files = unzipSync(got.bytes);
  const index = JSON.parse(strFromU8(files['index.json']!)) as {
    providersSearched: string[];
    cases: { caseId: string }[];
  };
  expect(index.providersSearched).toEqual(['mid-essex-itt']);
  expect(index.cases.map((c) => c.caseId)).toContain(full.caseId);
  const base = `mid-essex-itt/${full.caseId}`;
  const caseJson = JSON.parse(strFromU8(files[`${base}/case.json`]!)) as CaseRecordView;
  expect(caseJson.trainee.name).toBe('Emily Clarke');
  expect(caseJson.stages).toHaveLength(7);
  expect(JSON.parse(strFromU8(files[`${base}/history.json`]!))).toEqual(
    await history(full.caseId, 'me-director'),
  );
  expect(pdfText(files[`${base}/stages/02-stage-1.pdf`]!)).toContain(
    'Stage 1 – Individual Support Plan',
  );
  const other = unzipSync((await download('bf-director')).bytes);
  expect(JSON.parse(strFromU8(other['index.json']!))).toMatchObject({
    providersSearched: ['bright-futures-scitt'],
    cases: [],
  });
});
