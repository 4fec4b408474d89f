import type { CaseView } from '@shared/domain/view';
import {
  bodyOf,
  startApi,
  type ApiHarness,
  openMidEssexCase,
  namedParticipant,
} from './api-fixture';

/** Issue 11 item 8 through the API and Azurite: a Mid Essex case moved in from paper (ME-06, ME-07). */

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

const ct = 'me-course-tutor';

async function openPaperCase(openedOnPaper?: string): Promise<string> {
  const id = await openMidEssexCase(api, openedOnPaper === undefined ? {} : { openedOnPaper });
  const concern = await api.call('POST', `/api/cases/${id}/concerns`, {
    as: 'me-mentor',
    json: { category: 'teaching', description: 'Behaviour routines are not yet consistent.' },
  });
  expect(concern.status).toBe(200);
  return id;
}

const paperStage1 = (startedOn: string) => ({
  stageId: 'stage-1',
  entryId: 'not-yet-on-trajectory',
  reason: 'ISP started on paper',
  recordedFromPaper: { startedOn },
});

describe('Moving a paper case in through the API (issue 11 item 8; ME-06, ME-07)', () => {
  it('ME-06, ME-16: a Stage 1 started on paper keeps its date, its window and its mark in storage', async () => {
    const id = await openPaperCase('2025-12-01');
    const started = await api.call('POST', `/api/cases/${id}/stages`, {
      as: ct,
      json: paperStage1('2026-01-05'),
    });
    expect(started.status).toBe(200);
    const read = await api.call('GET', `/api/cases/${id}`, { as: ct });
    const stage = bodyOf<CaseView>(read).stage!;
    expect(stage.startedOn).toBe('2026-01-05');
    // Counted from 5 January, not from the day it was entered (12 January).
    expect(stage.reviewWindow?.latest).toBe('2026-01-19');
    expect(stage.paperRecords).toEqual([
      expect.objectContaining({
        entry: 'stage',
        occurredOn: '2026-01-05',
        enteredByName: namedParticipant(ct).name,
        text: `Recorded from paper by ${namedParticipant(ct).name} on 2026-01-12`,
      }),
    ]);
  });

  it('ME-06: a paper date before the case was opened is a 422 naming the rule, and stores nothing', async () => {
    const id = await openPaperCase();
    const before = bodyOf<CaseView>(await api.call('GET', `/api/cases/${id}`, { as: ct }));
    const refused = await api.call('POST', `/api/cases/${id}/stages`, {
      as: ct,
      json: paperStage1('2026-01-05'),
    });
    expect(refused.status).toBe(422);
    const problem = bodyOf<{ code: string; rules: string[] }>(refused);
    expect(problem.code).toBe('PAPER_DATE_BEFORE_CASE_OPENED');
    expect(problem.rules).toEqual(['ME-06', 'ME-07']);
    const after = bodyOf<CaseView>(await api.call('GET', `/api/cases/${id}`, { as: ct }));
    expect(after.version).toBe(before.version);
    expect(after.stage).toBeNull();
  });
});
