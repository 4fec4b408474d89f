import { bodyOf, startApi, type ApiHarness } from './api-fixture';

// Issue 8 item 2: adding a provider, or a tenant to one, widens who may sign in to the whole
// deployment. Only the Entra app role Deployment.Admin (token `roles` claim) may do it, audited;
// a provider's director still changes their own provider's other settings.

const me = 'mid-essex-itt';
const newTenant = '44444444-4444-4444-8444-444444444444';
type Settings = { providerId: string; tenants: string[]; [k: string]: unknown };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(async () => api.stop());

async function current(as = 'me-director') {
  const read = await api.call('GET', `/api/providers/${me}/settings`, { as });
  expect(read.status).toBe(200);
  const { providerId: _id, ...body } = bodyOf<{ settings: Settings }>(read).settings;
  return { body, etag: read.headers.get('etag')! };
}
const today = () => new Date().toISOString().slice(0, 10);
const events = async (providerId: string) =>
  (await api.services.audit.day(providerId, today())).map((e) => e.type);

describe('Deployment.Admin: who may add a provider or a tenant (issue 8 item 2)', () => {
  it('a director cannot add a provider: 403 naming the role, nothing stored, the refusal audited', async () => {
    const { body } = await current();
    const path = '/api/providers/rogue-itt/settings';
    const put = await api.call('PUT', path, {
      as: 'me-director',
      json: { ...body, name: 'Rogue ITT', tenants: [newTenant] },
    });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(put.text).toContain('Deployment.Admin');
    expect(await api.services.providers.get('rogue-itt')).toBeUndefined();
    expect(await events('rogue-itt')).toContain('provider-change-refused');
  });

  it('a director cannot add a tenant to their own provider, but changes its other settings', async () => {
    const { body, etag } = await current();
    const widened = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: { ...body, tenants: [...body.tenants, newTenant] },
      headers: { 'if-match': etag },
    });
    expect(widened.status).toBe(403);
    expect(widened.text).toContain('Deployment.Admin');
    expect((await api.services.providers.get(me))?.settings.tenants).not.toContain(newTenant);
    const renamed = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'me-director',
      json: { ...body, name: 'Mid Essex ITT (renamed)', values: { maxTargets: 3 } },
      headers: { 'if-match': etag },
    });
    expect(renamed.status).toBe(200);
    expect(await events(me)).toEqual(['provider-change-refused']);
  });

  it('the operator (a local persona holding Deployment.Admin) adds a tenant and a provider, both audited', async () => {
    const { body, etag } = await current('deployment-operator');
    const widened = await api.call('PUT', `/api/providers/${me}/settings`, {
      as: 'deployment-operator',
      json: { ...body, tenants: [...body.tenants, newTenant] },
      headers: { 'if-match': etag },
    });
    expect(widened.status).toBe(200);
    expect((await api.services.providers.get(me))?.settings.tenants).toContain(newTenant);
    const created = await api.call('PUT', '/api/providers/new-itt/settings', {
      as: 'deployment-operator',
      json: { ...body, name: 'New ITT', tenants: [newTenant] },
    });
    expect(created.status).toBe(201);
    expect(await events(me)).toContain('provider-tenants-added');
    expect(await events('new-itt')).toEqual(['provider-created']);
  });

  it("the operator, on no provider's staff, sees no cases", async () => {
    const mine = await api.call('GET', '/api/cases', { as: 'deployment-operator' });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ cases: [] });
  });
});
