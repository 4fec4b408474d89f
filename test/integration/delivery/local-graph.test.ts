import { demoGraphApp, demoGraphUsers } from '../../../functions/src/local/graph/demo-graph-users';
import { startLocalGraph, type LocalGraph } from '../../../functions/src/local/graph/local-graph';
import { demoPersonas } from '../../../functions/src/local/demo-personas';

const app = demoGraphApp();
const tutor = demoPersonas.find((p) => p.id === 'me-course-tutor')!;
const mentor = demoPersonas.find((p) => p.id === 'me-mentor')!;
let graph: LocalGraph;

beforeAll(async () => {
  graph = await startLocalGraph({
    apps: [app],
    users: demoGraphUsers(),
    activityTypes: ['meeting-scheduled'],
  });
});
afterAll(async () => graph.stop());

async function token(tenant: string, secret = app.clientSecret): Promise<Response> {
  return fetch(`${graph.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
}

async function bearer(tenant = tutor.tid): Promise<string> {
  const body = (await (await token(tenant)).json()) as { access_token: string };
  return body.access_token;
}

async function post(path: string, body: unknown, auth?: string) {
  const response = await fetch(`${graph.url}/v1.0${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${auth ?? (await bearer())}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? null : JSON.parse(text)) as {
      error?: { code: string; message: string };
    } | null,
  };
}

const event = {
  subject: 'Support meeting: Emily',
  start: { dateTime: '2026-12-08T09:30:00', timeZone: 'Europe/London' },
  end: { dateTime: '2026-12-08T10:15:00', timeZone: 'Europe/London' },
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
};

describe('the local Graph refuses what Graph refuses, with Graph error bodies', () => {
  it('issues client-credentials tokens in Entra v2 shape and refuses a wrong secret with AADSTS7000215', async () => {
    const ok = await token(tutor.tid);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body.token_type).toBe('Bearer');
    expect(typeof body.expires_in).toBe('number');
    const bad = await token(tutor.tid, 'wrong');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error_codes: number[] }).error_codes).toEqual([7000215]);
  });

  it('401 InvalidAuthenticationToken for a missing or made-up token', async () => {
    const reply = await post(`/users/${tutor.oid}/events`, event, 'made-up');
    expect(reply.status).toBe(401);
    expect(reply.body?.error?.code).toBe('InvalidAuthenticationToken');
  });

  it('400 RequestBodyRead for an unknown property, a wrong type or a missing required field', async () => {
    const unknown = await post(`/users/${tutor.oid}/events`, { ...event, causeForConcern: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body?.error?.message).toContain("'causeForConcern' does not exist");
    const wrongType = await post(`/users/${tutor.oid}/events`, {
      ...event,
      isOnlineMeeting: 'yes',
    });
    expect(wrongType.status).toBe(400);
    const { subject: _subject, ...noSubject } = event;
    expect((await post(`/users/${tutor.oid}/events`, noSubject)).status).toBe(400);
  });

  it('an app-only token reaches only mailboxes of its own tenant (404 ErrorInvalidUser)', async () => {
    const reply = await post(`/users/${mentor.oid}/events`, event);
    expect(reply.status).toBe(404);
    expect(reply.body?.error?.code).toBe('ErrorInvalidUser');
  });

  it('dedupes a repeated transactionId: one event, the same id', async () => {
    const first = await post(`/users/${tutor.oid}/events`, { ...event, transactionId: 't-1' });
    const again = await post(`/users/${tutor.oid}/events`, { ...event, transactionId: 't-1' });
    expect(first.status).toBe(201);
    expect((again.body as { id?: string }).id).toBe((first.body as { id?: string }).id);
  });

  it('refuses an undeclared activity type, and a $batch of more than 20 requests', async () => {
    const notification = {
      topic: { source: 'text', value: 'Support plans', webUrl: 'https://example.test/tab' },
      activityType: 'not-declared',
      previewText: { content: 'x' },
    };
    const refused = await post(
      `/users/${tutor.oid}/teamwork/sendActivityNotification`,
      notification,
    );
    expect(refused.status).toBe(400);
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: `/users/${tutor.oid}/teamwork/sendActivityNotification`,
      body: { ...notification, activityType: 'meeting-scheduled' },
    }));
    const batch = await post('/$batch', { requests });
    expect(batch.status).toBe(400);
    const ok = await post('/$batch', { requests: requests.slice(0, 20) });
    expect(ok.status).toBe(200);
    expect(graph.mailboxes.find(tutor.oid)!.feed).toHaveLength(20);
  });

  it('injects 429 with Retry-After at the configured rate, inside batches too', async () => {
    graph.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 7 });
    try {
      const outer = await fetch(`${graph.url}/v1.0/users/${tutor.oid}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
        body: JSON.stringify(event),
      });
      expect(outer.status).toBe(429);
      expect(outer.headers.get('retry-after')).toBe('7');
    } finally {
      graph.setFaults({ rate: 0 });
    }
  });

  it("serves a page listing each persona's calendar, feed and mail", async () => {
    const page = await (await fetch(`${graph.url}/`)).text();
    expect(page).toContain('Claire Fenton');
    expect(page).toContain('Teams activity feed');
    expect(page).toContain('Support meeting: Emily');
  });
});
