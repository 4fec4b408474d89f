import type { CaseView } from '@shared/domain/view';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { bodyOf, startApi, type ApiHarness } from './api-fixture';

// Issue 8 item 3: Entra ids are normalised once where they enter (commands, provider staff and
// tenants, tokens) and compared only normalised. Tokens carry lower-case ids; people and other
// systems type GUIDs in any case.

const me = 'mid-essex-itt';
const upper = (s: string) => s.toUpperCase();
const mixed = (s: string) =>
  s.replace(/[0-9a-f]/gi, (c, i: number) => (i % 2 === 0 ? c.toUpperCase() : c.toLowerCase()));
const named = (id: string, fold: (s: string) => string) => {
  const p = demoPersonas.find((x) => x.id === id)!;
  return { role: p.role, name: p.name, tid: fold(p.tid), oid: fold(p.oid), email: null };
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(async () => api.stop());

describe('mixed-case Entra ids (issue 8 item 3)', () => {
  it('a case opened with upper- and mixed-case GUIDs is seen by the people it names', async () => {
    const { role: _r, ...trainee } = named('me-trainee-1', upper);
    const opened = await api.call('POST', `/api/providers/${me}/cases`, {
      as: 'me-course-tutor',
      json: {
        trainee: {
          ...trainee,
          route: 'secondary',
          subject: 'Mathematics',
          school: 'Riverside School',
          placement: 'A',
        },
        participants: [named('me-course-tutor', upper), named('me-mentor', mixed)],
      },
    });
    expect(opened.status).toBe(201);
    const { caseId } = bodyOf<{ caseId: string }>(opened);
    for (const persona of ['me-trainee-1', 'me-mentor', 'me-course-tutor']) {
      const read = await api.call('GET', `/api/cases/${caseId}`, { as: persona });
      expect([persona, read.status]).toEqual([persona, 200]);
    }
    const mine = await api.call('GET', '/api/cases', { as: 'me-mentor' });
    expect(mine.text).toContain(caseId);
    const view = bodyOf<CaseView>(
      await api.call('GET', `/api/cases/${caseId}`, { as: 'me-mentor' }),
    );
    expect(view.participants.map((p) => p.name)).toContain('Gareth Jones');
  });

  it('provider staff and tenants saved in upper case still let those people in, stored lower-case', async () => {
    const read = await api.call('GET', `/api/providers/${me}/settings`, { as: 'me-director' });
    expect(read.status).toBe(200);
    const { settings } = bodyOf<{
      settings: { providerId: string; tenants: string[]; staff: { tid: string; oid: string }[] };
    }>(read);
    const { providerId: _id, ...body } = settings;
    const shouted = {
      ...body,
      tenants: body.tenants.map(upper),
      staff: body.staff.map((s) => ({ ...s, tid: upper(s.tid), oid: mixed(s.oid) })),
    };
    const saved = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: shouted,
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    const stored = bodyOf<{ settings: typeof settings }>(saved).settings;
    expect(stored.tenants).toEqual(body.tenants.map((t) => t.toLowerCase()));
    expect(stored.staff.every((s) => s.oid === s.oid.toLowerCase())).toBe(true);
    expect(
      (await api.call('GET', `/api/providers/${me}/settings`, { as: 'me-director' })).status,
    ).toBe(200);
    expect((await api.call('GET', '/api/cases', { as: 'me-director' })).status).toBe(200);
  });
});
