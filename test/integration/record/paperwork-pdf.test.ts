import type { CaseRecordView, StageRecordView } from '@shared/record/stages-view';
import { startApi, type ApiHarness } from '../api/api-fixture';
import {
  meThroughEveryStage,
  servicesOn,
  TestClock,
  type FullCase,
} from '../../support/record-service-fixture';
import { pdfText } from '../../support/pdf-text';
import { bfCaseAt, cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(180_000);

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

/** GET a PDF as bytes, with the persona's token. */
async function download(path: string, persona = 'me-course-tutor') {
  const token = await api.idp.issueToken(persona);
  const response = await fetch(`${api.host.url}${path}`, {
    headers: { authorization: `Bearer ${token ?? ''}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** Extracted text: layout lines (for one-line fields and table rows) and flowing text (for wrapped cells). */
async function pdfOf(n: number, query = '') {
  const got = await download(`/api/cases/${full.caseId}/stages/${String(n)}/pdf${query}`);
  expect(got.status).toBe(200);
  expect(got.type).toBe('application/pdf');
  const layout = pdfText(got.bytes, true);
  const lines = layout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const flowing = pdfText(got.bytes).replace(/\s+/g, ' ');
  return { layout, lines, flowing };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A one-line "label   value" row. */
const row = (...cells: string[]) => new RegExp(`^${cells.map(esc).join('\\s{2,}')}$`);

function expectEveryPage(layout: string) {
  const pages = layout.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, page] of pages.entries()) {
    const lines = page
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    expect(lines[0]).toBe('CONFIDENTIAL – INDIVIDUAL SUPPORT PLAN AND CAUSE FOR CONCERN PAPERWORK');
    expect(lines.at(-1)).toBe(
      `Mid Essex ITT · Mid Essex ITT ISP and Cause for Concern Procedure 2024-2025 · procedure version 2024-2025 · CONFIDENTIAL · page ${String(i + 1)} of ${String(pages.length)}`,
    );
  }
}

const stage = (n: number): StageRecordView => full.view.stages[n - 1]!;
const name = (persona: string) => who(persona).name;

function expectTargets(
  lines: string[],
  flowing: string,
  s: StageRecordView,
  completeAt: string,
  review: StageRecordView['reviews'][number] | undefined,
) {
  expect(flowing).toContain('SHARP Target (3 maximum)');
  expect(flowing).toContain(
    `Comments on targets set (were they met/not met? Evidence) Complete at ${completeAt}`,
  );
  for (const t of s.planVersions.at(-1)!.targets) {
    expect(flowing).toContain(t.text);
    for (const a of t.actions) expect(flowing).toContain(`• ${a}`);
    expect(flowing).toContain(t.monitoring);
    expect(flowing).toContain(t.successCriteria);
    const outcome = review?.outcomes.find((o) => o.targetId === t.targetId);
    expect(outcome).toBeDefined();
    expect(flowing).toContain(`${outcome!.met ? 'Met' : 'Not met'}: ${outcome!.evidence}`);
  }
  expect(lines.some((l) => l.startsWith('AI 1.2'))).toBe(false); // indicators sit in their column, never at a row start
}

function expectSignatures(lines: string[], s: StageRecordView, rows: [string, string][]) {
  expect(lines).toContainEqual(
    expect.stringMatching(
      row('Staff (if applicable)', 'Full Name', 'Signature (typed if completing by email)', 'Date'),
    ),
  );
  const signed = s.planVersions.at(-1)!;
  expect(signed.fullySigned).toBe(true);
  for (const [label, persona] of rows) {
    const sig = signed.signatures.find((x) => x.typedFullName === name(persona))!;
    expect(lines).toContainEqual(
      expect.stringMatching(
        row(label, name(persona), sig.typedFullName, sig.signedAt.slice(0, 10)),
      ),
    );
  }
}

test('ME-15, ME-79: the Pre-Stage 1 discussion form, line by line', async () => {
  const { layout, lines } = await pdfOf(1);
  expectEveryPage(layout);
  expect(lines).toContain('Pre-Stage 1 discussion');
  expect(lines).toContainEqual(
    expect.stringMatching(row('Pre-Stage 1 meeting', stage(1).startedOn)),
  );
  expect(lines).toContainEqual(expect.stringMatching(row('Trainee:', 'Emily Clarke')));
  expect(lines).toContainEqual(expect.stringMatching(row('Subject:', 'Mathematics')));
  expect(lines).toContainEqual(expect.stringMatching(row('School:', 'Riverside School')));
  expect(lines).toContainEqual(
    expect.stringMatching(
      row('Overview of Support required:', 'Support with behaviour management in Year 9'),
    ),
  );
  expect(layout).toMatch(
    /Progress Reviewers \(Mentor and Professional\s+Gareth Jones; Helen Moss; Claire Fenton\n\s*Tutor discuss with Course Tutor\)\./,
  );
  expect(lines).not.toContain('SHARP Target (3 maximum)');
  expect(layout).not.toContain('Signature (typed');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^Information and evidence gathered .*\(\d{4}-\d{2}-\d{2}\): Spoke to the PT and mentor$/,
    ),
  );
});

test('ME-25..ME-29, ME-80: the Stage 1 Individual Support Plan, line by line', async () => {
  const s = stage(2);
  const { layout, lines, flowing } = await pdfOf(2);
  expectEveryPage(layout);
  expect(lines).toContain('Stage 1 – Individual Support Plan');
  expect(lines).toContain(
    `Plan version ${String(s.planVersions.at(-1)!.version)} (the latest). Fully signed.`,
  );
  expect(lines).toContainEqual(expect.stringMatching(row('Stage 1 start date:', s.startedOn)));
  expect(lines).toContainEqual(
    expect.stringMatching(
      row('Overview of Support required:', 'Stage 1 overview: behaviour routines'),
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      row('Date to be reviewed: (5-10 school days)', s.planVersions.at(-1)!.reviewDate!),
    ),
  );
  expectTargets(lines, flowing, s, 'Stage 1 review', s.reviews[0]);
  expectSignatures(lines, s, [
    ['Trainee', 'me-trainee-1'],
    ['Mentor', 'me-mentor'],
    ['Professional Tutor', 'me-professional-tutor'],
    ['Reviewed by Course Tutor', 'me-course-tutor'],
    ['Lead Subject Tutor', 'me-lead-subject-tutor'],
  ]);
  expect(lines).toContainEqual(
    expect.stringMatching(row('Stage 1 review date:', s.reviews[0]!.heldOn)),
  );
  expect(flowing).toContain(
    `Notes from review meeting and outcome ${s.reviews[0]!.heldOn}: Stage 1 review notes: target 2 not met. Outcome: 1 of 2 targets not met.`,
  );
});

test('ME-30..ME-34: the Stage 2 Individual Support Plan, line by line', async () => {
  const s = stage(3);
  const { layout, lines, flowing } = await pdfOf(3);
  expectEveryPage(layout);
  expect(lines).toContain('Stage 2 – Individual Support Plan');
  expect(lines).toContainEqual(expect.stringMatching(row('Stage 2 start date:', s.startedOn)));
  expect(flowing).toContain(
    'Staff members: Mentor, Professional Tutor and Course Tutor. Trainee present.',
  );
  expect(flowing).toContain('Specific Actions to be taken by the trainee (3 maximum)');
  expectTargets(lines, flowing, s, 'Stage 2 review', s.reviews[0]);
  expectSignatures(lines, s, [
    ['Trainee', 'me-trainee-1'],
    ['Mentor', 'me-mentor'],
    ['Professional Tutor', 'me-professional-tutor'],
    ['Course Tutor', 'me-course-tutor'],
    ['Lead Subject Tutor', 'me-lead-subject-tutor'],
  ]);
  expect(lines).toContainEqual(
    expect.stringMatching(row('Stage 2 review date(s):', s.reviews[0]!.heldOn)),
  );
});

test('ME-54..ME-58, ME-62: the Stage 3 Cause for Concern form with the Stage 4 final review, line by line', async () => {
  const s = stage(4);
  const final = stage(5);
  const { layout, lines, flowing } = await pdfOf(4);
  expectEveryPage(layout);
  expect(lines).toContain('Stage 3 – Start of Cause for Concern Process (10 days maximum)');
  expect(lines).toContainEqual(expect.stringMatching(row('Stage 3 start date:', s.startedOn)));
  expect(lines).toContainEqual(
    expect.stringMatching(row('Final Review Date:', s.planVersions.at(-1)!.reviewDate!)),
  );
  expect(flowing).toContain(
    'Overview of reason for Cause for Concern process: Cause for Concern: behaviour management',
  );
  expectTargets(lines, flowing, s, 'Stage 4 Final review', final.reviews[0]);
  expectSignatures(lines, s, [
    ['Trainee', 'me-trainee-1'],
    ['Mentor', 'me-mentor'],
    ['Professional Tutor', 'me-professional-tutor'],
    ['Course Tutor', 'me-course-tutor'],
    ['Director / Assistant Director', 'me-director'],
  ]);
  expect(lines).toContainEqual(
    expect.stringMatching(
      row('Stage 4 Final review date: 10 days maximum', final.reviews[0]!.heldOn),
    ),
  );
  expect(flowing).toContain('Outcome 2: insufficient progress (ME-62).');
  expect(flowing).toContain('Initial joint observation on');
});

test('ME-63..ME-70: Stages 4 to 6 print as records of duties, outcome and appeal', async () => {
  const stage5 = await pdfOf(6);
  expectEveryPage(stage5.layout);
  expect(stage5.lines).toContain(
    'Stage 5: Programme terminated and right of appeal – record'.replace(
      /^Stage 5.*– record$/,
      stage(6).label + ' – record',
    ),
  );
  expect(stage5.flowing).toContain('Formal letter sent to the trainee, copied to the Course Tutor');
  expect(stage5.flowing).toContain('Appeal: declined');
  const stage4 = await pdfOf(5);
  expect(stage4.flowing).toContain(
    'Outcome 2: insufficient progress (unlikely to make progress towards QTS); the trainee fails the programme (ME-62).',
  );
  expect(stage4.flowing).toContain('Agreed by: Gareth Jones, Sanjay Patel, Claire Fenton');
});

test('issue 12: a superseded plan version prints as that version, saying it is not the latest and not signed', async () => {
  const s = stage(2);
  const { lines, flowing } = await pdfOf(2, '?version=1');
  expect(lines).toContain(
    `Plan version 1 (superseded by version ${String(s.planVersions.at(-1)!.version)}). Not fully signed (0 valid signatures).`,
  );
  expect(flowing).not.toContain('Stage 1 target 1');
  const missing = await download(`/api/cases/${full.caseId}/stages/2/pdf?version=99`);
  expect(missing.status).toBe(400);
  const noStage = await download(`/api/cases/${full.caseId}/stages/42/pdf`);
  expect(noStage.status).toBe(404);
  const outsider = await download(`/api/cases/${full.caseId}/stages/2/pdf`, 'bf-programme-lead');
  expect(outsider.status).toBe(404);
});

test('BF-20, BF-21: the Bright Futures Stage 2 plan with all partners’ signatures, and a record for Stage 1', async () => {
  const id = await bfCaseAt(api.services, 'stage-2');
  const view = must(
    await api.services.cases.getCase(who('bf-programme-lead'), id),
  ) as CaseRecordView;
  const version = view.stage!.plan.version;
  const partners: [string, string][] = [
    ['bf-programme-lead', 'programmeLead'],
    ['bf-mentor', 'mentor'],
    ['bf-professional-mentor', 'professionalMentor'],
    ['bf-trainee-1', 'trainee'],
  ];
  for (const [persona, role] of partners)
    must(
      await api.services.cases.execute(
        who(persona),
        id,
        { type: 'signPlan', planVersion: version, typedFullName: who(persona).name, role } as never,
        cmd(),
      ),
    );
  const got = await download(`/api/cases/${id}/stages/2/pdf`, 'bf-mentor');
  expect(got.status).toBe(200);
  const layout = pdfText(got.bytes, true);
  const lines = layout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  expect(lines[0]).toBe('CONFIDENTIAL – Bright Futures SCITT support record');
  expect(lines).toContain(`${view.stage!.label} – record`);
  expect(lines).toContain(`Plan version ${String(version)} (the latest). Fully signed.`);
  expect(lines).toContain('Signed by all partners');
  const labels: Record<string, string> = {
    programmeLead: 'Programme Lead',
    mentor: 'Mentor',
    professionalMentor: 'Professional Mentor',
    trainee: 'Trainee',
  };
  for (const [persona, role] of partners)
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${labels[role]!}\\s{2,}${who(persona).name}\\s{2,}${who(persona).name}\\s{2,}\\d{4}-\\d{2}-\\d{2}$`,
        ),
      ),
    );
  expect(pdfText(got.bytes).replace(/\s+/g, ' ')).toContain('Consistent routines');
  const stage1 = pdfText(
    (await download(`/api/cases/${id}/stages/1/pdf`, 'bf-mentor')).bytes,
  ).replace(/\s+/g, ' ');
  expect(stage1).toContain('No signatures are required at this stage.');
  expect(stage1).toContain('Plan lessons with clear objectives');
  expect(stage1).toContain('Not met: Observed');
});
