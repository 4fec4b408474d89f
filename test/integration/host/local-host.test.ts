import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { tenantAllowList } from '../../../functions/src/auth/tenant-allow-list';
import { loadConfig } from '../../../functions/src/config/app-config';
import { healthGet } from '../../../functions/src/functions/health-get';
import { authenticated } from '../../../functions/src/http/authenticated';
import { composeRuntime } from '../../../functions/src/http/compose-runtime';
import { parseBody } from '../../../functions/src/http/json-body';
import { silentLogger } from '../../../functions/src/http/logger';
import { okJson } from '../../../functions/src/http/responses';
import type { RouteDefinition } from '../../../functions/src/http/route-types';
import { installRuntime, uninstallRuntime } from '../../../functions/src/http/runtime';
import { tabFrameAncestors } from '../../../functions/src/http/security-headers';
import type { CaseServicePort } from '../../../functions/src/services/case-service-port';
import {
  demoPersonas,
  demoTenantIds,
  localClientId,
} from '../../../functions/src/local/demo-personas';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { createLocalIdp } from '../../../functions/src/local/local-idp';

const echoCalls: unknown[] = [];
let timerRuns = 0;

const routes: RouteDefinition[] = [
  healthGet,
  {
    name: 'echo-post',
    methods: ['POST'],
    route: 'echo/{id}',
    handler: (request) => {
      const body = parseBody(request, z.strictObject({ text: z.string().max(2_000_000) }));
      if (!body.ok) return Promise.resolve(body.response);
      echoCalls.push(body.value);
      return Promise.resolve(okJson({ id: request.params.id, text: body.value.text }));
    },
  },
  {
    name: 'whoami-get',
    methods: ['GET'],
    route: 'whoami',
    handler: authenticated((_r, who) => Promise.resolve(okJson(who))),
  },
  {
    name: 'boom-get',
    methods: ['GET'],
    route: 'boom',
    handler: () => Promise.reject(new RangeError('internal detail')),
  },
];

let host: LocalHost;
let tabDir: string;

const environment = (extra: Record<string, string> = {}) => ({
  APP_ENV: 'local',
  LOCAL_IDP: 'on',
  AUTH_CLIENT_ID: localClientId,
  AZURE_TABLES_CONNECTION_STRING: process.env.AZURE_TABLES_CONNECTION_STRING,
  ...extra,
});

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), 'tab-'));
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>tab</title>');
  const idp = await createLocalIdp(loadConfig(environment()));
  const timers = [
    {
      name: 'tick',
      schedule: '* * * * * *',
      handler: () => Promise.resolve(void (timerRuns += 1)),
    },
  ];
  host = await startLocalHost({
    port: 0,
    routes,
    timers,
    localRoutes: idp.routes,
    tabDir,
    log: silentLogger,
  });
  const config = loadConfig(environment({ AUTH_JWKS_URL: `${host.url}/local-idp/keys` }));
  const wiring = {
    service: {} as CaseServicePort,
    isAllowedTenant: tenantAllowList([demoTenantIds]),
  };
  installRuntime(composeRuntime({ config, log: silentLogger, createServices: () => wiring }));
});

afterAll(async () => {
  await host.stop();
  uninstallRuntime();
  rmSync(tabDir, { recursive: true, force: true });
});

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('local host (node:http on 127.0.0.1, same route table as Azure)', () => {
  it('serves GET /api/health against real Azurite, never cached', async () => {
    const response = await fetch(`${host.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    await expect(response.json()).resolves.toEqual({ status: 'ok', storage: 'reachable' });
  });

  it('routes {param} templates under /api and parses JSON end to end', async () => {
    const response = await post(`${host.url}/api/echo/abc`, JSON.stringify({ text: 'hello' }));
    await expect(response.json()).resolves.toEqual({ id: 'abc', text: 'hello' });
  });

  it('V2: answers 413 to a 1 MiB body before the handler parses anything', async () => {
    const before = echoCalls.length;
    const response = await post(
      `${host.url}/api/echo/abc`,
      JSON.stringify({ text: 'x'.repeat(1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(echoCalls.length).toBe(before);
  });

  it('answers 405 with Allow, and 404 problems for unknown paths', async () => {
    const wrongMethod = await fetch(`${host.url}/api/echo/abc`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${host.url}/api/nothing`);
    expect(missing.status).toBe(404);
    await expect(missing.json()).resolves.toMatchObject({
      code: 'NOT_FOUND',
      correlationId: missing.headers.get('x-correlation-id'),
    });
  });

  it('V1: answers 500 with a correlation id and no stack trace', async () => {
    const response = await fetch(`${host.url}/api/boom`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toMatch(/internal detail|RangeError|\bat \S+:\d+/);
  });

  it('signs in with the local IdP and validates the token through the real JWKS fetch', async () => {
    const mentor = demoPersonas.find((p) => p.id === 'me-mentor');
    const tokenResponse = await post(
      `${host.url}/local-idp/token`,
      JSON.stringify({ persona: 'me-mentor' }),
    );
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const me = await fetch(`${host.url}/api/whoami`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expect(me.json()).resolves.toEqual({
      tid: mentor?.tid,
      oid: mentor?.oid,
      name: mentor?.name,
      appRoles: [],
    });
    expect((await fetch(`${host.url}/api/whoami`)).status).toBe(401);
    expect(
      (await post(`${host.url}/local-idp/token`, JSON.stringify({ persona: 'nobody' }))).status,
    ).toBe(404);
  });

  it('P5: serves the tab with the Microsoft 365 frame-ancestors CSP and nosniff', async () => {
    const response = await fetch(`${host.url}/tab/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(ancestors).toEqual([...tabFrameAncestors]);
    expect((await fetch(`${host.url}/tab/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('issue 8 item 4: a path through a file or a name too long is 404 with the tab headers, not 500', async () => {
    for (const bad of [
      '/tab/index.html/x',
      `/tab/${'a'.repeat(300)}.js`,
      `/tab/${'b'.repeat(5000)}`,
    ]) {
      const response = await fetch(`${host.url}${bad}`);
      expect([bad.slice(0, 30), response.status]).toEqual([bad.slice(0, 30), 404]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    }
  });

  it('fires timers on their NCRONTAB schedule', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(timerRuns).toBeGreaterThanOrEqual(1);
  });
});
