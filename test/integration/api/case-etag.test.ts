import type { CaseView } from '@shared/domain/view';
import { bodyOf, startApi, type ApiHarness, openMidEssexCase } from './api-fixture';

/** Issue 11 item 10: a case GET carries its version as an ETag, and commands honour If-Match (412 with the current case). */

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

const ct = 'me-course-tutor';
const openCase = () => openMidEssexCase(api);

const comment = (text: string) => ({ text });

describe('Stale writes: ETag and If-Match on a case (C1)', () => {
  it('GET returns the case version as an ETag and in the body; a command answers with the next ETag', async () => {
    const id = await openCase();
    const read = await api.call('GET', `/api/cases/${id}`, { as: ct });
    const etag = read.headers.get('etag');
    const view = bodyOf<CaseView>(read);
    expect(etag).toBe(`"v${String(view.version)}"`);
    expect(view.version).toBeGreaterThan(0);
    const write = await api.call('POST', `/api/cases/${id}/comments`, {
      as: ct,
      json: comment('First note'),
      headers: { 'if-match': etag! },
    });
    expect(write.status).toBe(200);
    const next = bodyOf<{ view: CaseView }>(write).view;
    expect(next.version).toBe(view.version! + 1);
    expect(write.headers.get('etag')).toBe(`"v${String(next.version)}"`);
  });

  it('a command with a stale If-Match gets 412 with the current case and changes nothing', async () => {
    const id = await openCase();
    const stale = (await api.call('GET', `/api/cases/${id}`, { as: ct })).headers.get('etag')!;
    // someone else changes the case meanwhile
    const other = await api.call('POST', `/api/cases/${id}/concerns`, {
      as: 'me-mentor',
      json: { category: 'teaching', description: 'Behaviour in Year 9' },
    });
    expect(other.status).toBe(200);
    const refused = await api.call('POST', `/api/cases/${id}/comments`, {
      as: ct,
      json: comment('Written against the old case'),
      headers: { 'if-match': stale },
    });
    expect(refused.status).toBe(412);
    const body = bodyOf<{ code: string; version: number; case: CaseView }>(refused);
    expect(body.code).toBe('PRECONDITION_FAILED');
    expect(body.case.concerns).toHaveLength(1); // the current state, with the other person's change
    expect(refused.headers.get('etag')).toBe(`"v${String(body.version)}"`);
    const after = bodyOf<CaseView>(await api.call('GET', `/api/cases/${id}`, { as: ct }));
    expect(after.comments).toEqual([]);
    expect(after.version).toBe(body.version);
    // retried with the current ETag, it goes through
    const retried = await api.call('POST', `/api/cases/${id}/comments`, {
      as: ct,
      json: comment('Written against the current case'),
      headers: { 'if-match': refused.headers.get('etag')! },
    });
    expect(retried.status).toBe(200);
  });

  it('without If-Match a command is applied as before; a malformed If-Match is a 400', async () => {
    const id = await openCase();
    expect(
      (await api.call('POST', `/api/cases/${id}/comments`, { as: ct, json: comment('No header') }))
        .status,
    ).toBe(200);
    expect(
      (
        await api.call('POST', `/api/cases/${id}/comments`, {
          as: ct,
          json: comment('Bad header'),
          headers: { 'if-match': 'yesterday' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.call('POST', `/api/cases/${id}/comments`, {
          as: ct,
          json: comment('Any version'),
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(200);
  });
});
