import { caseRoutes, providerRoutes } from '../../../functions/src/functions';
import { docOf } from '../../../functions/src/http/route-doc';
import type { RouteDefinition } from '../../../functions/src/http/route-types';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { as, cmd, must, who } from '../../support/service-fixture';
import { sampleRequests } from './route-requests';
import { bodyOf, startApi, type ApiHarness, type ApiReply } from './api-fixture';

/** Special category and staff-only sentinels (Z7): searched for in the whole JSON of every reply. */
const MEDICAL = 'SENTINEL-MEDICAL-7f3a';
const STAFF_NOTE = 'SENTINEL-STAFF-NOTE-91c2';

const ME = 'mid-essex-itt';
const BF = 'bright-futures-scitt';

/** Personas covering every role: six at Mid Essex, the programme lead and a mentor at Bright Futures. */
const personas = [
  'me-trainee-1',
  'me-mentor',
  'me-professional-tutor',
  'me-course-tutor',
  'me-lead-subject-tutor',
  'me-director',
  'bf-programme-lead',
  'bf-mentor',
];
const personaOf = (id: string) => demoPersonas.find((p) => p.id === id)!;
const providerWide = (id: string) => ['programmeLead', 'director'].includes(personaOf(id).role);

interface Fixture {
  readonly caseId: string;
  readonly providerId: string;
  readonly participants: readonly string[];
}
let api: ApiHarness;
const cases: Record<'A' | 'B' | 'C' | 'D', Fixture> = {} as never;

/** The access rules (the oracle): same provider, and named in the case or provider-wide. */
const visible = (persona: string, c: Fixture) =>
  personaOf(persona).providerId === c.providerId &&
  (providerWide(persona) || c.participants.includes(persona));

/** (a) a case the persona takes part in, (b) another case of their provider, (c) a case of the other provider. */
const slotsOf = (persona: string) =>
  personaOf(persona).providerId === ME
    ? ([
        ['own', cases.A],
        ['other', cases.B],
        ['other provider', cases.C],
      ] as const)
    : ([
        ['own', cases.C],
        ['other', cases.D],
        ['other provider', cases.A],
      ] as const);

async function open(
  providerId: string,
  opener: string,
  trainee: string,
  staff: string[],
): Promise<Fixture> {
  const { role: _role, ...person } = as(trainee);
  const input = {
    trainee: {
      ...person,
      route: 'secondary' as const,
      subject: 'Science',
      school: 'Oak School',
      placement: 'A',
    },
    participants: staff.map((s) => as(s)),
  };
  const opened = must(
    await api.services.cases.openCase(who(opener), providerId, input as never, cmd()),
  );
  return { caseId: opened.caseId, providerId, participants: [trainee, ...staff] };
}

beforeAll(async () => {
  api = await startApi();
  cases.A = await open(ME, 'me-course-tutor', 'me-trainee-1', [
    'me-course-tutor',
    'me-mentor',
    'me-professional-tutor',
    'me-lead-subject-tutor',
  ]);
  cases.B = await open(ME, 'me-director', 'me-trainee-2', []);
  cases.C = await open(BF, 'bf-programme-lead', 'bf-trainee-1', [
    'bf-programme-lead',
    'bf-mentor',
    'bf-professional-mentor',
  ]);
  cases.D = await open(BF, 'bf-director', 'bf-trainee-2', []);
  const run = (persona: string, command: unknown) =>
    api.services.cases.execute(who(persona), cases.A.caseId, command as never, cmd());
  must(
    await run('me-course-tutor', {
      type: 'raiseConcern',
      category: 'medical-circumstances',
      description: `Occupational health: ${MEDICAL}`,
      evidence: null,
      source: null,
      seriousIncident: false,
    }),
  );
  must(
    await run('me-course-tutor', {
      type: 'addComment',
      text: `Staff only: ${STAFF_NOTE}`,
      visibility: 'staff',
    }),
  );
  must(
    await run('me-course-tutor', {
      type: 'recordImp',
      pointId: 'IMP1',
      grades: [{ indicator: 'AI 1.1', grade: 'emerging', placement: null }],
      partTwoMet: true,
      coreValues: ['committed'],
      standardsMetInFull: null,
    }),
  );
});
afterAll(() => api.stop());

/** Role rules checked exactly on visible cases (the procedures' `raisedBy`, `participantsManagedBy`...). */
const roleRules: Record<string, (persona: string, c: Fixture) => number> = {
  'case-comments-post': () => 200,
  // The record (issue 12): the appeal bundle is the Director's (ME-65, ME-69; BF-26); the
  // fixture cases have no stage run yet, so "stage 1" is not found for anyone who may see them.
  'case-appeal-bundle-get': (p) => (personaOf(p).role === 'director' ? 200 : 403),
  'case-stage-pdf-get': () => 404,
  'case-dfe-handoff-get': (p) =>
    ['director', 'programmeLead'].includes(personaOf(p).role) ? 404 : 403,
  'case-participants-post': (p) =>
    ['courseTutor', 'programmeLead', 'director'].includes(personaOf(p).role) ? 200 : 403,
  'case-concerns-post': (p, c) =>
    c.providerId === ME && personaOf(p).role === 'trainee' ? 403 : 200,
  'case-imp-post': (p, c) =>
    c.providerId === BF
      ? 409
      : ['courseTutor', 'leadSubjectTutor'].includes(personaOf(p).role)
        ? 200
        : 403,
};
const caseScoped = caseRoutes.filter((r) => r.route.startsWith('cases/{caseId}'));
const missingId = (providerId: string) => `${providerId}.ZZZZZZZZZZZZZZZZZZZZZZ`;
const without = ({ correlationId: _c, ...rest }: Record<string, unknown>) => rest;

/** Every reply any persona got, to scan for the sentinels afterwards. */
const seen: { persona: string; reply: ApiReply }[] = [];
async function call(route: RouteDefinition, persona: string, caseId: string): Promise<ApiReply> {
  const request = sampleRequests[route.name]!(caseId);
  const reply = await api.call(route.methods[0]!, request.path, {
    as: persona,
    ...(request.json === undefined ? {} : { json: request.json }),
  });
  seen.push({ persona, reply });
  return reply;
}
async function availableTypes(persona: string, caseId: string): Promise<string[]> {
  const reply = await api.call('GET', `/api/cases/${caseId}/available-commands`, { as: persona });
  return bodyOf<{ commands: { type: string }[] }>(reply).commands.map((c) => c.type);
}

describe('access matrix: every route x role x (own case, other case, other provider)', () => {
  it('has a request for every case route, and nothing else', () => {
    expect(Object.keys(sampleRequests).sort()).toEqual(caseScoped.map((r) => r.name).sort());
  });

  it.each(caseScoped.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const isGet = route.methods[0] === 'GET';
    for (const persona of personas) {
      for (const [slot, fixture] of slotsOf(persona)) {
        const label = `${persona} on ${slot} case`;
        if (!visible(persona, fixture)) {
          const reply = await call(route, persona, fixture.caseId);
          const missing = await call(route, persona, missingId(fixture.providerId));
          expect({ label, status: reply.status }).toEqual({ label, status: 404 });
          expect(without(bodyOf(reply))).toEqual(without(bodyOf(missing)));
          continue;
        }
        const before = isGet ? [] : await availableTypes(persona, fixture.caseId);
        const reply = await call(route, persona, fixture.caseId);
        if (isGet) {
          const status = roleRules[route.name]?.(persona, fixture) ?? 200;
          expect({ label, status: reply.status }).toEqual({ label, status });
          continue;
        }
        expect({ label, status: [200, 403, 409, 422].includes(reply.status) }).toEqual({
          label,
          status: true,
        });
        // The UI renders buttons from `available`: a command succeeds only if it was offered.
        const offered = before.includes(docOf(route)?.command ?? '');
        if (reply.status === 200) expect({ label, offered }).toEqual({ label, offered: true });
        const expected = roleRules[route.name]?.(persona, fixture);
        if (expected !== undefined)
          expect({ label, status: reply.status }).toEqual({ label, status: expected });
      }
    }
  });
});

describe('access rules beyond one case', () => {
  it('GET /api/cases lists exactly the fixture cases each persona may see', async () => {
    const ids = Object.values(cases);
    for (const persona of personas) {
      const reply = await api.call('GET', '/api/cases?mine=true', { as: persona });
      seen.push({ persona, reply });
      const listed = bodyOf<{ cases: { caseId: string }[] }>(reply).cases.map((c) => c.caseId);
      const expected = ids
        .filter((c) => visible(persona, c))
        .map((c) => c.caseId)
        .sort();
      expect({
        persona,
        listed: listed.filter((id) => ids.some((c) => c.caseId === id)).sort(),
      }).toEqual({ persona, listed: expected });
    }
  });

  it('opens cases only at their own provider, and only for the roles that run the procedure', async () => {
    const openers: Record<string, readonly string[]> = {
      [ME]: ['courseTutor', 'programmeLead', 'director'],
      [BF]: ['programmeLead', 'director'],
    };
    for (const persona of personas) {
      for (const providerId of [ME, BF]) {
        const { role: _role, ...trainee } = as('me-trainee-3');
        const json = {
          trainee: {
            ...trainee,
            route: 'primary',
            subject: 'Primary',
            school: 'Elm School',
            placement: 'B',
          },
        };
        const reply = await api.call('POST', `/api/providers/${providerId}/cases`, {
          as: persona,
          json,
        });
        const own = personaOf(persona).providerId === providerId;
        const allowed = own && openers[providerId]!.includes(personaOf(persona).role);
        expect({ persona, providerId, status: reply.status }).toEqual({
          persona,
          providerId,
          status: allowed ? 201 : 403,
        });
      }
    }
  });

  it('provider settings: leads and directors 200, other staff 403, everyone else 404 as if absent', async () => {
    const missing = await api.call('GET', '/api/providers/no-such-provider/settings', {
      as: 'me-director',
    });
    for (const persona of [...personas, 'bf-director']) {
      for (const providerId of [ME, BF]) {
        const p = personaOf(persona);
        const staff = p.providerId === providerId && p.role !== 'trainee';
        const expected = staff ? (providerWide(persona) ? 200 : 403) : 404;
        const read = await api.call('GET', `/api/providers/${providerId}/settings`, {
          as: persona,
        });
        expect({ persona, providerId, status: read.status }).toEqual({
          persona,
          providerId,
          status: expected,
        });
        if (expected === 404) expect(without(bodyOf(read))).toEqual(without(bodyOf(missing)));
        api.services.providers.invalidate();
        const current = (await api.services.providers.get(providerId))!;
        const { providerId: _id, ...json } = current.settings;
        const write = await api.call('PUT', `/api/providers/${providerId}/settings`, {
          as: persona,
          json,
          headers: { 'if-match': current.etag },
        });
        expect({ persona, providerId, status: write.status }).toEqual({
          persona,
          providerId,
          status: expected,
        });
      }
    }
  });

  it('A: every authenticated route answers 401 problem+json without a token', async () => {
    for (const route of [...caseRoutes, ...providerRoutes]) {
      const path = `/api/${route.route
        .replace('{caseId}', cases.A.caseId)
        .replace('{providerId}', ME)
        .replace(/\{[A-Za-z]+\}/g, 'abcdefgh12')}`;
      const method = route.methods[0]!;
      const reply = await api.call(method, path, method === 'GET' ? {} : { json: {} });
      expect({
        route: route.name,
        status: reply.status,
        type: reply.headers.get('content-type'),
      }).toEqual({ route: route.name, status: 401, type: 'application/problem+json' });
    }
  });

  it('Z6: removing a participant takes effect at once: their next request is a 404 like a missing case', async () => {
    const fixture = await open(ME, 'me-course-tutor', 'me-trainee-3', [
      'me-course-tutor',
      'me-mentor',
    ]);
    const path = `/api/cases/${fixture.caseId}`;
    const before = await api.call('GET', path, { as: 'me-mentor' });
    expect(before.status).toBe(200);
    const mentor = bodyOf<{ participants: { participantId: string; role: string }[] }>(
      before,
    ).participants.find((p) => p.role === 'mentor')!;
    const removed = await api.call('DELETE', `${path}/participants/${mentor.participantId}`, {
      as: 'me-course-tutor',
    });
    expect(removed.status).toBe(200);
    const after = await api.call('GET', path, { as: 'me-mentor' });
    const comment = await api.call('POST', `${path}/comments`, {
      as: 'me-mentor',
      json: { text: 'Still here?' },
    });
    const missing = await api.call('GET', `/api/cases/${missingId(ME)}`, { as: 'me-mentor' });
    expect([after.status, comment.status]).toEqual([404, 404]);
    expect(without(bodyOf(after))).toEqual(without(bodyOf(missing)));
  });

  it('Z7: the medical concern is visible to the course tutor and redacted for the mentor and tutors outside the setting', async () => {
    const path = `/api/cases/${cases.A.caseId}`;
    expect((await api.call('GET', path, { as: 'me-course-tutor' })).text).toContain(MEDICAL);
    for (const persona of ['me-mentor', 'me-professional-tutor', 'me-lead-subject-tutor']) {
      const reply = await api.call('GET', path, { as: persona });
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain(MEDICAL);
      const concern = bodyOf<{ concerns: { redacted: boolean; category: string }[] }>(reply)
        .concerns[0]!;
      expect(concern).toMatchObject({ redacted: true, category: 'restricted' });
    }
    const leaks = seen.filter(
      (s) =>
        [
          'me-mentor',
          'me-professional-tutor',
          'me-lead-subject-tutor',
          'bf-programme-lead',
          'bf-mentor',
        ].includes(s.persona) && s.reply.text.includes(MEDICAL),
    );
    expect(leaks.map((s) => s.persona)).toEqual([]);
    expect(seen.length).toBeGreaterThan(500);
  });

  it('trainees never see staff-only comments or IMP records, in any reply', async () => {
    const reply = await api.call('GET', `/api/cases/${cases.A.caseId}`, { as: 'me-trainee-1' });
    expect(bodyOf<{ imp: unknown[] }>(reply).imp).toEqual([]);
    const staffView = await api.call('GET', `/api/cases/${cases.A.caseId}`, {
      as: 'me-course-tutor',
    });
    expect(staffView.text).toContain(STAFF_NOTE);
    expect(bodyOf<{ imp: unknown[] }>(staffView).imp.length).toBeGreaterThan(0);
    const leaks = seen.filter(
      (s) =>
        s.persona === 'me-trainee-1' &&
        (s.reply.text.includes(STAFF_NOTE) || /"impId"/.test(s.reply.text)),
    );
    expect(leaks).toHaveLength(0);
    expect(reply.text).not.toContain(STAFF_NOTE);
  });
});

describe('open-case is for provider staff only', () => {
  it('a trainee cannot open a case by naming themselves course tutor (decideOpenCase `asNamed`)', async () => {
    const { role: _role, ...trainee } = as('me-trainee-2');
    const json = {
      trainee: {
        ...trainee,
        route: 'primary',
        subject: 'Primary',
        school: 'Elm School',
        placement: 'B',
      },
      participants: [as('me-trainee-1', 'courseTutor')],
    };
    const reply = await api.call('POST', `/api/providers/${ME}/cases`, {
      as: 'me-trainee-1',
      json,
    });
    expect(reply.status).toBe(403);
  });
});
