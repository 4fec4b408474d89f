import { todayInUk } from '@shared/calendar';
import { providerOverviewSchema } from '@shared/domain/overview/overview-schema';
import type { ProviderOverview } from '@shared/domain/overview/provider-overview';
import { TableClient } from '@azure/data-tables';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { ProviderOverviewService } from '../../../functions/src/services/provider-overview';
import { as, cmd, must, who } from '../../support/service-fixture';
import { apiNow, bodyOf, startApi, type ApiHarness } from './api-fixture';

/** Issue 10: the provider overview through the API on Azurite, against what each case says of itself. */

const BF = 'bright-futures-scitt';
const ME = 'mid-essex-itt';
const today = todayInUk(apiNow);
let api: ApiHarness;
const bfCases: string[] = [];
const meCases: string[] = [];

async function open(
  providerId: string,
  opener: string,
  trainee: string,
  school: string,
  staff: string[],
  extra: Record<string, unknown> = {},
) {
  const { role: _role, ...person } = as(trainee);
  const input = {
    trainee: { ...person, route: 'primary' as const, subject: 'Primary', school, placement: 'A' },
    participants: staff.map((s) => as(s)),
    ...extra,
  };
  return must(await api.services.cases.openCase(who(opener), providerId, input as never, cmd()))
    .caseId;
}
const run = async (persona: string, caseId: string, command: Record<string, unknown>) =>
  must(await api.services.cases.execute(who(persona), caseId, command as never, cmd()));
const concern = {
  type: 'raiseConcern',
  category: 'teaching',
  description: 'Lessons lack structure.',
  evidence: null,
  source: null,
  seriousIncident: false,
};
const start = (stageId: string, extra: Record<string, unknown> = {}) => ({
  type: 'startStage',
  stageId,
  reason: 'Concern',
  overview: '',
  evidence: { writtenReports: [], observationIds: [] },
  ...extra,
});
const target = (indicators: string[] = []) => ({
  type: 'addTarget',
  text: 'Plan each lesson with a clear objective',
  actions: ['Weekly planning with the mentor'],
  indicators,
  monitoring: indicators.length === 0 ? '' : 'Weekly',
  successCriteria: indicators.length === 0 ? '' : 'Two lessons securing',
});

beforeAll(async () => {
  api = await startApi();
  const bfStaff = ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor'];
  // Bright Futures: one at Stage 1, one at Stage 2 (signatures outstanding, BF-20), one with a concern only.
  const a = await open(BF, 'bf-programme-lead', 'bf-trainee-1', 'Oak School', bfStaff);
  await run('bf-mentor', a, concern);
  await run('bf-programme-lead', a, start('stage-1'));
  const b = await open(BF, 'bf-programme-lead', 'bf-trainee-2', 'Oak School', bfStaff);
  await run('bf-mentor', b, concern);
  await run('bf-programme-lead', b, start('stage-1'));
  await run('bf-programme-lead', b, target());
  let v = must(await api.services.cases.getCase(who('bf-programme-lead'), b));
  const pm = v.participants.find((p) => p.role === 'professionalMentor')!.participantId;
  await run('bf-professional-mentor', b, {
    type: 'recordObservation',
    observationDefinitionId: 'review-observation',
    date: today,
    observers: [pm],
    notes: 'Observed',
    departureReason: null,
  });
  v = must(await api.services.cases.getCase(who('bf-programme-lead'), b));
  await run('bf-professional-mentor', b, {
    type: 'recordReview',
    heldOn: today,
    outcomes: v.stage!.plan.targets.map((t) => ({
      targetId: t.targetId,
      met: false,
      evidence: 'Not yet',
    })),
    notes: '',
    departureReason: null,
  });
  await run('bf-programme-lead', b, start('stage-2'));
  await run('bf-programme-lead', b, target());
  const c = await open(BF, 'bf-programme-lead', 'bf-trainee-3', 'Elm School', bfStaff);
  await run('bf-mentor', c, concern);
  bfCases.push(a, b, c);
  // Mid Essex, moved in from paper (ADR 0010): Pre-Stage 1 from 6 October, Stage 1 from 3 November, so its window has passed.
  const m = await open(
    ME,
    'me-course-tutor',
    'me-trainee-1',
    'Riverside School',
    ['me-course-tutor', 'me-mentor', 'me-professional-tutor'],
    { openedOnPaper: '2025-10-01' },
  );
  await run('me-professional-tutor', m, concern);
  await run(
    'me-course-tutor',
    m,
    start('pre-stage-1', { recordedFromPaper: { startedOn: '2025-10-06' } }),
  );
  await run('me-course-tutor', m, { type: 'completeDuty', dutyId: 'evidence-gathered', notes: '' });
  await run(
    'me-course-tutor',
    m,
    start('stage-1', { recordedFromPaper: { startedOn: '2025-11-03' } }),
  );
  meCases.push(m);
}, 60_000);
afterAll(() => api.stop());

const overviewOf = async (providerId: string, persona: string) =>
  api.call('GET', `/api/providers/${providerId}/overview`, { as: persona });

/** The figures each case gives of itself, through the full-state read ("my cases" and the case view). */
async function expectedFor(persona: string, providerId: string) {
  const mine = must(await api.services.cases.listMine(who(persona), {})).filter(
    (c) => c.providerId === providerId,
  );
  const open = mine.filter((c) => c.status === 'open');
  const count = <T>(items: readonly T[], key: (t: T) => string | null) => {
    const m = new Map<string | null, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  return {
    open: open.length,
    byStage: count(open, (c) => c.stageId),
    bySchool: count(open, (c) => c.school ?? null),
    overdue: open.filter((c) => c.reviewOverdue).length,
    signatures: open.reduce((n, c) => n + (c.signaturesMissing ?? 0), 0),
  };
}

describe('GET /api/providers/{providerId}/overview (issue 10)', () => {
  it('BF-20: a Bright Futures programme lead sees open cases by stage and school and the signatures outstanding, as the cases say', async () => {
    const reply = await overviewOf(BF, 'bf-programme-lead');
    expect(reply.status).toBe(200);
    const o = providerOverviewSchema.parse(reply.body) as ProviderOverview;
    const want = await expectedFor('bf-programme-lead', BF);
    expect(o.totals.open).toBe(want.open);
    expect(want.open).toBe(3);
    expect(new Map(o.byStage.filter((s) => s.open > 0).map((s) => [s.stageId, s.open]))).toEqual(
      want.byStage,
    );
    expect(new Map(o.bySchool.map((s) => [s.school, s.open]))).toEqual(want.bySchool);
    expect(o.bySchool[0]).toEqual({ school: 'Oak School', open: 2 });
    expect(o.signaturesOutstanding.signatures).toBe(want.signatures);
    expect(o.signaturesOutstanding).toEqual({ signatures: 4, cases: 1 });
    expect(o.reviewsOverdue).toBe(want.overdue);
    const stage1 = o.timeInStage.find((t) => t.stageId === 'stage-1')!;
    expect(stage1.completed).toEqual({ runs: 1, medianDays: 0, meanDays: 0 });
    expect(stage1.current).toEqual({ runs: 1, medianDays: 0, meanDays: 0 });
    expect(o.dayCount.unit).toBe('calendar');
  });

  it('ME-16, ME-06: a Mid Essex Stage 1 from paper counts from its paper date: overdue today, and Pre-Stage 1 lasted until Stage 1 began', async () => {
    const o = bodyOf<ProviderOverview>(await overviewOf(ME, 'me-director'));
    const want = await expectedFor('me-director', ME);
    expect(o.reviewsOverdue).toBe(want.overdue);
    expect(o.reviewsOverdue).toBe(1);
    const view = must(await api.services.cases.getCase(who('me-course-tutor'), meCases[0]!));
    expect(view.stage!.startedOn).toBe('2025-11-03');
    const pre = o.timeInStage.find((t) => t.stageId === 'pre-stage-1')!;
    // 6 October to 3 November 2025: 28 calendar days (not to the day it was typed in).
    expect(pre.completed).toEqual({ runs: 1, medianDays: 28, meanDays: 28 });
    const s1 = o.timeInStage.find((t) => t.stageId === 'stage-1')!;
    expect(s1.current).toEqual({ runs: 1, medianDays: 70, meanDays: 70 });
  });

  it('counts from the summary columns: no case is read in full, unless its row predates the columns', async () => {
    let loads = 0;
    const store = {
      listSummaries: api.services.store.listSummaries.bind(api.services.store),
      load: async (p: string, c: string) => {
        loads += 1;
        return api.services.store.load(p, c);
      },
    };
    const service = new ProviderOverviewService(
      api.services.commands,
      store,
      api.services.providers,
      () => apiNow,
    );
    const fromColumns = must(await service.overview(who('bf-programme-lead'), BF));
    expect(loads).toBe(0);
    // A row as written before the overview's columns existed: read in full, same figures.
    const table = TableClient.fromConnectionString(
      process.env.AZURE_TABLES_CONNECTION_STRING!,
      api.services.tables.cases,
      { allowInsecureConnection: true },
    );
    const entity = await table.getEntity(BF, `c|${bfCases[1]!}`);
    const {
      school: _s,
      signaturesMissing: _m,
      stageRuns: _r,
      etag: _e,
      timestamp: _t,
      ...older
    } = entity;
    await table.updateEntity(older as never, 'Replace', { etag: entity.etag });
    const fromState = must(await service.overview(who('bf-programme-lead'), BF));
    expect(loads).toBe(1);
    expect(fromState).toEqual(fromColumns);
  });

  it('only the provider’s programme leads and directors: other people of its tenants 403 with the reason, unknown providers 404', async () => {
    const missing = await overviewOf('no-such-provider', 'bf-programme-lead');
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    for (const p of demoPersonas.filter((x) => x.id !== 'deployment-operator')) {
      for (const providerId of [BF, ME]) {
        const reply = await overviewOf(providerId, p.id);
        const allowed =
          p.providerId === providerId && ['programmeLead', 'director'].includes(p.role);
        expect({ persona: p.id, providerId, status: reply.status }).toEqual({
          persona: p.id,
          providerId,
          status: allowed ? 200 : 403,
        });
        if (!allowed) {
          const body = bodyOf<{ code: string; detail: string }>(reply);
          expect(body.code).toBe('ROLE_NOT_ALLOWED');
          expect(body.detail).toMatch(/Programme Lead.* or .*Director.*provider overview/i);
          expect(reply.text).not.toMatch(/Oak School|Riverside/);
        }
      }
    }
  });

  it('GET /api/me/providers tells the tab which provider views the caller may open', async () => {
    const lead = bodyOf<{ providers: { providerId: string; views: string[] }[] }>(
      await api.call('GET', '/api/me/providers', { as: 'bf-programme-lead' }),
    );
    expect(lead.providers).toEqual([
      expect.objectContaining({ providerId: BF, views: ['overview', 'settings'] }),
    ]);
    const mentor = bodyOf<{ providers: { providerId: string; views: string[] }[] }>(
      await api.call('GET', '/api/me/providers', { as: 'bf-mentor' }),
    );
    expect(mentor.providers).toEqual([expect.objectContaining({ providerId: BF, views: [] })]);
    const trainee = bodyOf<{ providers: unknown[] }>(
      await api.call('GET', '/api/me/providers', { as: 'bf-trainee-1' }),
    );
    expect(trainee.providers).toEqual([]);
  });
});
