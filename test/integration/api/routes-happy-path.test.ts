import type { CaseView } from '@shared/domain/view';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import { midEssexItt } from '@shared/procedures/mid-essex-itt';
import { caseRoutes, providerRoutes } from '../../../functions/src/functions';
import { OutboxRelay } from '../../../functions/src/services/delivery/outbox-relay';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { meThroughEveryStage, servicesOn, TestClock } from '../../support/record-service-fixture';
import { cmd, meCaseAt, must, who } from '../../support/service-fixture';
import { apiNow, bodyOf, startApi, type ApiHarness, type ApiReply } from './api-fixture';

let api: ApiHarness;
const covered = new Set<string>();
const me = 'mid-essex-itt';
const today = apiNow.toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

const named = (id: string, role?: string) => {
  const p = demoPersonas.find((x) => x.id === id)!;
  return { role: role ?? p.role, name: p.name, tid: p.tid, oid: p.oid, email: demoEmail(p) };
};

/** Calls a route, expects 2xx, and records the route as covered. */
async function expectOk(
  name: string,
  method: string,
  path: string,
  as: string,
  json?: unknown,
): Promise<ApiReply> {
  const reply = await api.call(method, path, { as, ...(json === undefined ? {} : { json }) });
  if (reply.status >= 300)
    throw new Error(`${name} ${method} ${path} as ${as}: ${reply.status} ${reply.text}`);
  expect(reply.headers.get('cache-control')).toBe('no-store');
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  covered.add(name);
  return reply;
}

async function view(caseId: string, as = 'me-course-tutor'): Promise<CaseView> {
  return bodyOf<CaseView>(await expectOk('case-get', 'GET', `/api/cases/${caseId}`, as));
}
const traineeOf = (id: string) => {
  const { role: _role, ...rest } = named(id);
  return rest;
};
const pid = (v: CaseView, role: string) =>
  v.participants.find((p) => p.role === role && p.active)!.participantId;
const sharp = {
  actions: ['Plan with the mentor each week'],
  indicators: ['AI 2.3'],
  monitoring: 'Weekly',
  successCriteria: 'Two lessons securing',
};

async function openCase(trainee: string, staff: string[]): Promise<string> {
  const reply = await expectOk(
    'provider-cases-post',
    'POST',
    `/api/providers/${me}/cases`,
    'me-course-tutor',
    {
      trainee: {
        ...traineeOf(trainee),
        route: 'secondary',
        subject: 'Mathematics',
        school: 'Riverside School',
        placement: 'A',
      },
      participants: staff.map((s) => named(s)),
    },
  );
  expect(reply.status).toBe(201);
  const { caseId } = bodyOf<{ caseId: string }>(reply);
  expect(reply.headers.get('location')).toBe(`/api/cases/${caseId}`);
  return caseId;
}

describe('API happy path: every route once, through the local host, real tokens, real service on Azurite', () => {
  const staff = [
    'me-course-tutor',
    'me-mentor',
    'me-professional-tutor',
    'me-lead-subject-tutor',
    'me-director',
  ];
  let id = '';
  const at = (suffix: string) => `/api/cases/${id}${suffix}`;
  const ct = 'me-course-tutor';

  it('opens a case, lists it, reads it, its available commands and its history', async () => {
    id = await openCase('me-trainee-1', staff);
    const list = bodyOf<{ cases: { caseId: string }[] }>(
      await expectOk('cases-list', 'GET', '/api/cases?mine=true&stage=&status=open&dueBy=', ct),
    );
    expect(list.cases.map((c) => c.caseId)).toContain(id);
    const found = bodyOf<{ cases: { caseId: string }[] }>(
      await expectOk('cases-list', 'GET', '/api/cases?q=riverside%20math', ct),
    );
    expect(found.cases.map((c) => c.caseId)).toEqual([id]); // item 12: name, school, subject
    const tooLong = await api.call('GET', `/api/cases?q=${'x'.repeat(101)}`, { as: ct });
    expect(tooLong.status).toBe(400);
    expect((await view(id)).caseId).toBe(id);
    const available = bodyOf<{ commands: { type: string }[] }>(
      await expectOk('case-available-commands-get', 'GET', at('/available-commands'), ct),
    );
    expect(available.commands.map((c) => c.type)).toContain('raiseConcern');
    const history = bodyOf<{ events: { type: string }[] }>(
      await expectOk('case-history-get', 'GET', at('/history'), ct),
    );
    expect(history.events[0]?.type).toBe('CaseOpened');
  });

  it('records concerns, comments, IMP and participants', async () => {
    await expectOk('case-concerns-post', 'POST', at('/concerns'), 'me-mentor', {
      category: 'teaching',
      description: 'Behaviour routines are inconsistent.',
    });
    const raised = (await view(id)).concerns[0]!;
    const acked = bodyOf<{ view: CaseView }>(
      await expectOk(
        'case-concern-acknowledgement-post',
        'POST',
        at(`/concerns/${raised.concernId}/acknowledgement`),
        ct,
        {},
      ),
    );
    expect(acked.view.concerns[0]?.acknowledgedAt).not.toBeNull(); // ME-05
    await expectOk('case-comments-post', 'POST', at('/comments'), 'me-trainee-1', {
      text: 'I would like more support with routines.',
    });
    await expectOk('case-imp-post', 'POST', at('/imp'), ct, {
      pointId: 'IMP1',
      grades: [{ indicator: 'AI 1.1', grade: 'emerging' }],
      partTwoMet: true,
      coreValues: ['committed'],
    });
    const added = bodyOf<{ view: CaseView }>(
      await expectOk('case-participants-post', 'POST', at('/participants'), ct, {
        participant: { role: 'mentor', name: 'Second Mentor' },
      }),
    );
    const extra = added.view.participants.find((p) => p.name === 'Second Mentor')!;
    const removed = bodyOf<{ view: CaseView }>(
      await expectOk(
        'case-participant-delete',
        'DELETE',
        at(`/participants/${extra.participantId}`),
        ct,
      ),
    );
    expect(
      removed.view.participants.find((p) => p.participantId === extra.participantId)?.active,
    ).toBe(false);
  });

  it('runs Pre-Stage 1: stage, meetings held and cancelled, duty', async () => {
    await expectOk('case-stages-post', 'POST', at('/stages'), ct, {
      stageId: 'pre-stage-1',
      reason: 'Professional Tutor contacted Mid Essex ITT',
    });
    const v = await view(id);
    const meeting = {
      meetingDefinitionId: 'pre-stage-1-discussion',
      start: '2026-01-13T09:00:00Z',
      durationMinutes: 60,
      online: false,
      attendees: [pid(v, 'courseTutor'), pid(v, 'mentor'), pid(v, 'professionalMentor')],
    };
    await expectOk('case-meetings-post', 'POST', at('/meetings'), ct, meeting);
    await expectOk('case-meetings-post', 'POST', at('/meetings'), ct, {
      ...meeting,
      start: '2026-01-14T09:00:00Z',
    });
    const [first, second] = (await view(id)).stage!.meetings;
    await expectOk('case-meeting-held-post', 'POST', at(`/meetings/${first!.meetingId}/held`), ct, {
      notes: 'Discussed evidence with the school.',
    });
    await expectOk(
      'case-meeting-cancellation-post',
      'POST',
      at(`/meetings/${second!.meetingId}/cancellation`),
      ct,
      { reason: 'No longer needed.' },
    );
    await expectOk('case-duty-post', 'POST', at('/duties/evidence-gathered'), ct, {
      notes: 'Evidence from PT and mentor.',
    });
  });

  it('retries a failed delivery (the relay recorded it as failed)', async () => {
    const s = api.services;
    const relay = new OutboxRelay({
      commands: s.commands,
      store: s.store,
      outbox: s.outbox,
      providers: s.providers,
      deliverer: {
        deliver: (_provider, _state, effect) =>
          Promise.resolve({ kind: 'failed', reason: 'Graph answered 503', effect }),
      },
      clock: () => apiNow,
    });
    await relay.deliverCase(me, id);
    const failure = (await view(id)).available.find((a) => a.type === 'retryDelivery');
    expect(failure).toBeDefined();
    const effectId = String(failure!.params.effectId);
    await expectOk('case-delivery-retry-post', 'POST', at(`/deliveries/${effectId}/retry`), ct, {});
    const after = await view(id);
    expect(after.available.some((a) => a.params.effectId === effectId)).toBe(false);
  });

  it('runs Stage 1: plan, targets, review date, signature, observation, review', async () => {
    await expectOk('case-stages-post', 'POST', at('/stages'), ct, {
      stageId: 'stage-1',
      entryId: 'isp',
      reason: 'Individual Support Plan agreed',
    });
    await expectOk('case-plan-put', 'PUT', at('/plan'), ct, {
      overview: 'Routines',
      supportMeasures: 'Weekly co-planning',
    });
    await expectOk('case-targets-post', 'POST', at('/targets'), ct, {
      text: 'Apply the behaviour policy consistently',
      ...sharp,
    });
    await expectOk('case-targets-post', 'POST', at('/targets'), ct, {
      text: 'A target to remove',
      ...sharp,
    });
    const [keep, drop] = (await view(id)).stage!.plan.targets;
    await expectOk('case-target-put', 'PUT', at(`/targets/${keep!.targetId}`), ct, {
      text: 'Apply the school behaviour policy in every lesson',
      ...sharp,
    });
    await expectOk('case-target-delete', 'DELETE', at(`/targets/${drop!.targetId}`), ct);
    const window = (await view(id)).stage!.reviewWindow!;
    await expectOk('case-review-date-put', 'PUT', at('/review-date'), ct, {
      reviewDate: window.latest,
    });
    const v = await view(id, 'me-trainee-1');
    await expectOk('case-signatures-post', 'POST', at('/signatures'), 'me-trainee-1', {
      planVersion: v.stage!.plan.version,
      typedFullName: named('me-trainee-1').name,
    });
    await expectOk('case-observations-post', 'POST', at('/observations'), 'me-mentor', {
      date: today,
      observers: [pid(v, 'mentor')],
      notes: 'Routines improving.',
    });
    const meeting = {
      meetingDefinitionId: 'stage-1-meeting',
      start: '2026-01-12T08:00:00Z',
      durationMinutes: 30,
      online: false,
      attendees: [pid(v, 'mentor'), pid(v, 'professionalMentor'), pid(v, 'trainee')],
    };
    await expectOk('case-meetings-post', 'POST', at('/meetings'), ct, meeting);
    const held = (await view(id)).stage!.meetings[0]!;
    await expectOk('case-meeting-held-post', 'POST', at(`/meetings/${held.meetingId}/held`), ct, {
      notes: 'ISP meeting held.',
    });
    await expectOk('case-reviews-post', 'POST', at('/reviews'), 'me-mentor', {
      heldOn: today,
      outcomes: [{ targetId: keep!.targetId, met: false, evidence: 'Not yet seen' }],
    });
  });

  it('fast-tracks to a Cause for Concern, the final review, termination and the appeal', async () => {
    await expectOk('case-concerns-post', 'POST', at('/concerns'), ct, {
      category: 'professional-conduct',
      description: 'Serious incident on a trip.',
      seriousIncident: true,
    });
    await expectOk('case-stages-post', 'POST', at('/stages'), ct, {
      stageId: 'stage-3',
      entryId: 'serious-incident',
      reason: 'One-time serious incident',
    });
    await expectOk('case-targets-post', 'POST', at('/targets'), ct, {
      text: 'Meet Part Two expectations',
      ...sharp,
    });
    // ME-44, ME-46, ME-57: the joint observation, the formal meeting held, the plan signed
    const cfc = await view(id);
    await expectOk('case-observations-post', 'POST', at('/observations'), ct, {
      observationDefinitionId: 'joint-observation',
      date: today,
      observers: [pid(cfc, 'mentor'), pid(cfc, 'courseTutor')],
      notes: 'Initial joint observation.',
    });
    await expectOk('case-meetings-post', 'POST', at('/meetings'), ct, {
      meetingDefinitionId: 'cfc-meeting',
      start: '2026-01-12T08:00:00Z',
      durationMinutes: 60,
      online: false,
      attendees: cfc.participants.filter((p) => p.active).map((p) => p.participantId),
    });
    const cfcMeeting = (await view(id)).stage!.meetings.at(-1)!;
    await expectOk(
      'case-meeting-held-post',
      'POST',
      at(`/meetings/${cfcMeeting.meetingId}/held`),
      ct,
      {
        notes: 'SHARP targets agreed.',
      },
    );
    for (const who of ['me-trainee-1', 'me-mentor', 'me-professional-tutor', ct, 'me-director'])
      await expectOk('case-signatures-post', 'POST', at('/signatures'), who, {
        planVersion: cfc.stage!.plan.version,
        typedFullName: named(who).name,
      });
    await expectOk('case-stages-post', 'POST', at('/stages'), ct, {
      stageId: 'stage-4',
      reason: 'Final review',
    });
    const v = await view(id);
    const targets = v.stage!.plan.targets.map((t) => ({
      targetId: t.targetId,
      met: false,
      evidence: 'Not met',
    }));
    await expectOk('case-reviews-post', 'POST', at('/reviews'), ct, {
      heldOn: today,
      outcomes: targets,
    });
    const agreedBy = [pid(v, 'mentor'), pid(v, 'leadSubjectTutor'), pid(v, 'courseTutor')];
    await expectOk('case-final-outcome-post', 'POST', at('/final-outcome'), ct, {
      progress: 'insufficient',
      basis: 'unlikely-to-progress',
      agreedBy,
      notes: 'Targets not met.',
    });
    await expectOk('case-stages-post', 'POST', at('/stages'), 'me-director', {
      stageId: 'stage-5',
      reason: 'Insufficient progress',
    });
    await expectOk(
      'case-duty-post',
      'POST',
      at('/duties/right-of-appeal-informed'),
      'me-director',
      {},
    );
    await expectOk('case-appeal-decision-post', 'POST', at('/appeal/decision'), 'me-trainee-1', {
      decision: 'lodged',
    });
    await expectOk('case-appeal-outcome-post', 'POST', at('/appeal/outcome'), 'me-director', {
      outcome: 'upheld',
      notes: 'Appeal upheld.',
    });
    await expectOk('case-closure-post', 'POST', at('/closure'), 'me-director', {
      closureId: 'termination-overturned',
      notes: 'Termination overturned on appeal.',
    });
    expect((await view(id)).status.kind).toBe('closed');
  });

  it('reads the procedure outline for the tab (stages in order with entry rules; pick lists), only within the provider', async () => {
    const read = await expectOk(
      'provider-procedure-get',
      'GET',
      `/api/providers/${me}/procedure`,
      'me-mentor',
    );
    const outline = bodyOf<{
      stages: { id: string; entries: { from: string[]; rules: string[] }[] }[];
      categories: { id: string }[];
      imp: { id: string }[];
    }>(read);
    expect(outline.stages.map((s) => s.id)).toEqual(midEssexItt.stages.map((s) => s.id));
    expect(outline.stages.every((s) => s.entries.every((e) => e.rules.length > 0))).toBe(true);
    expect(outline.categories.length).toBe(midEssexItt.concern.categories.length);
    expect(outline.imp.length).toBeGreaterThan(0);
    const other = await api.call('GET', '/api/providers/bright-futures-scitt/procedure', {
      as: 'me-mentor',
    });
    expect(other.status).toBe(200);
    const missing = await api.call('GET', '/api/providers/no-such-provider/procedure', {
      as: 'me-mentor',
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it("reads the provider overview and the caller's provider views (issue 10)", async () => {
    const overview = await expectOk(
      'provider-overview-get',
      'GET',
      `/api/providers/${me}/overview`,
      'me-director',
    );
    expect(bodyOf<{ providerId: string }>(overview).providerId).toBe(me);
    const mine = await expectOk('me-providers-get', 'GET', '/api/me/providers', 'me-director');
    expect(bodyOf<{ providers: { providerId: string }[] }>(mine).providers).toEqual([
      expect.objectContaining({ providerId: me }),
    ]);
  });

  it('reads and replaces provider settings with If-Match, and 412s a stale ETag', async () => {
    const read = await expectOk(
      'provider-settings-get',
      'GET',
      `/api/providers/${me}/settings`,
      'me-director',
    );
    const etag = read.headers.get('etag')!;
    const { settings } = bodyOf<{ settings: Record<string, unknown> }>(read);
    const { providerId: _id, ...body } = settings;
    const closures = [{ date: '2026-02-20', label: 'Staff training day', appliesTo: 'school' }];
    const next = {
      ...body,
      calendar: { ...(body.calendar as object), closures },
      values: { maxTargets: 2 },
    };
    const saved = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: next,
      headers: { 'if-match': etag },
    });
    expect(saved.status).toBe(200);
    covered.add('provider-settings-put');
    expect(bodyOf<{ resolved: { maxTargets: number } }>(saved).resolved.maxTargets).toBe(2);
    expect(saved.headers.get('etag')).not.toBe(etag);
    const stale = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: next,
      headers: { 'if-match': etag },
    });
    expect(stale).toMatchObject({ status: 412, body: { code: 'CONFLICT' } });
    const missing = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: next,
    });
    expect(missing.status).toBe(428);
  });

  it('adds a third provider with its own procedure as data, and keeps it when later PUTs omit it', async () => {
    const read = await expectOk(
      'provider-settings-get',
      'GET',
      `/api/providers/${me}/settings`,
      'me-director',
    );
    const { settings } = bodyOf<{ settings: Record<string, unknown> }>(read);
    const { providerId: _id, ...base } = settings;
    const procedure = {
      ...midEssexItt,
      id: 'north-itt',
      providerName: 'North ITT',
      title: 'North ITT procedure',
    };
    const body = { ...base, name: 'North ITT', procedureId: 'north-itt', values: {} };
    const path = '/api/providers/north-itt/settings';
    const byTrainee = await api.call('PUT', path, {
      as: 'me-trainee-1',
      json: { ...body, procedure },
    });
    expect(byTrainee.status).toBe(403);
    // Adding a provider is the deployment operator's act (issue 8 item 2); its director then runs it.
    const created = await api.call('PUT', path, {
      as: 'deployment-operator',
      json: { ...body, procedure },
    });
    expect(created.status).toBe(201);
    expect(bodyOf<{ procedure: { custom: boolean } }>(created).procedure.custom).toBe(true);
    const again = await api.call('PUT', path, {
      as: 'me-director',
      json: { ...body, values: { maxTargets: 4 } },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(again.status).toBe(200);
    expect(bodyOf<{ procedure: { id: string; custom: boolean } }>(again).procedure).toMatchObject({
      id: 'north-itt',
      custom: true,
    });
    const opened = await api.call('POST', '/api/providers/north-itt/cases', {
      as: 'me-director',
      json: {
        trainee: {
          ...traineeOf('me-trainee-3'),
          route: 'primary',
          subject: 'Primary',
          school: 'Elm',
          placement: 'B',
        },
      },
    });
    expect(opened.status).toBe(201);
  });

  it('closes a case with no stage (no further action)', async () => {
    const other = await openCase('me-trainee-3', ['me-course-tutor', 'me-mentor']);
    await expectOk('case-closure-post', 'POST', `/api/cases/${other}/closure`, ct, {
      closureId: 'no-further-action',
      notes: 'Resolved informally.',
    });
  });

  it('replays a command with the same Idempotency-Key once', async () => {
    const other = await openCase('me-trainee-2', ['me-course-tutor', 'me-mentor']);
    const send = () =>
      api.call('POST', `/api/cases/${other}/comments`, {
        as: ct,
        json: { text: 'Once only' },
        headers: { 'idempotency-key': 'comment-key-0001' },
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const comments = (await view(other)).comments.filter((c) => c.text === 'Once only');
    expect(comments).toHaveLength(1);
  });

  it('reads and writes the record: history verification, corrections, PDFs, appeal bundle, DfE handoff', async () => {
    const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
    const { caseId } = await meThroughEveryStage(
      servicesOn(api.services.tables, clock),
      clock,
      'me-trainee-3',
      { stopAtStage6: true },
    );
    const at = (suffix: string) => `/api/cases/${caseId}${suffix}`;
    await expectOk(
      'case-history-verification-get',
      'GET',
      at('/history/verification'),
      'me-director',
    );
    await expectOk('case-dfe-handoff-post', 'POST', at('/dfe-handoff'), 'me-director', {
      boardDate: today,
      decision: 'withdrawn',
      whoChose: 'provider',
      reasonCategory: 'lack-of-progress-during-placements',
      effectiveDate: today,
    });
    await expectOk('case-dfe-handoff-get', 'GET', at('/dfe-handoff'), 'me-director');
    const stage1 = await meCaseAt(api.services, 'stage-1', 'me-trainee-3');
    const observers = [pid(await view(stage1), 'mentor')];
    const observation = {
      type: 'recordObservation',
      observationDefinitionId: null,
      date: today,
      observers,
      notes: 'Observed',
    };
    must(
      await api.services.cases.execute(who('me-course-tutor'), stage1, observation as never, cmd()),
    );
    const obs = (await view(stage1)).stage!.observations[0]!;
    await expectOk(
      'case-corrections-post',
      'POST',
      `/api/cases/${stage1}/corrections`,
      'me-course-tutor',
      {
        reason: 'Wrong class noted',
        correction: {
          kind: 'observation',
          observationId: obs.observationId,
          date: today,
          observers,
          notes: 'Observed Year 9',
        },
      },
    );
    for (const [name, path, type] of [
      ['case-stage-pdf-get', at('/stages/2/pdf'), 'application/pdf'],
      ['case-appeal-bundle-get', at('/appeal-bundle'), 'application/zip'],
    ] as const) {
      const reply = await api.call('GET', path, { as: 'me-director' });
      expect({ name, status: reply.status, type: reply.headers.get('content-type') }).toEqual({
        name,
        status: 200,
        type,
      });
      covered.add(name);
    }
  }, 120_000);

  it('covered every case and provider route', () => {
    expect(
      [...caseRoutes, ...providerRoutes].map((r) => r.name).filter((n) => !covered.has(n)),
    ).toEqual([]);
  });
});
