import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Identity } from '@shared/domain/context';
import { loadConfig } from '../../../../functions/src/config/app-config';
import { StartupError } from '../../../../functions/src/config/startup-error';
import { authenticated } from '../../../../functions/src/http/authenticated';
import { jsonLineLogger } from '../../../../functions/src/http/logger';
import { okJson } from '../../../../functions/src/http/responses';
import {
  installRuntime,
  uninstallRuntime,
  type AppRuntime,
} from '../../../../functions/src/http/runtime';
import { createUserLimiter } from '../../../../functions/src/http/user-rate-limit';
import { apiRequest } from './request-fixture';

const priya: Identity = {
  tid: '11111111-1111-4111-8111-111111111111',
  oid: 'b0000000-0000-4000-8000-000000000001',
  name: 'Priya',
};
const sam: Identity = { ...priya, oid: 'b0000000-0000-4000-8000-000000000002', name: 'Sam' };

afterEach(uninstallRuntime);

describe('R3: per-person rate limits', () => {
  it('lets a person make `points` requests per window, then says how long to wait; others are unaffected', async () => {
    const limit = createUserLimiter({ points: 3, seconds: 10 });
    for (let i = 0; i < 3; i += 1) await expect(limit(priya)).resolves.toEqual({ limited: false });
    const fourth = await limit(priya);
    expect(fourth.limited).toBe(true);
    if (fourth.limited) {
      expect(fourth.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(fourth.retryAfterSeconds).toBeLessThanOrEqual(10);
    }
    await expect(limit(sam)).resolves.toEqual({ limited: false });
  });

  it('counts a person by (tid, oid): the same oid in another tenant has its own allowance', async () => {
    const limit = createUserLimiter({ points: 1, seconds: 10 });
    await limit(priya);
    expect((await limit(priya)).limited).toBe(true);
    await expect(limit({ ...priya, tid: '99999999-9999-4999-8999-999999999999' })).resolves.toEqual(
      { limited: false },
    );
  });

  it('the API answers 429 problem+json with Retry-After and logs a security event with ids only', async () => {
    const lines: string[] = [];
    installRuntime({
      log: jsonLineLogger((line) => lines.push(line)),
      validateToken: () => Promise.resolve(priya),
      limitUser: createUserLimiter({ points: 2, seconds: 60 }),
    } as unknown as AppRuntime);
    const handler = authenticated((_request, who) => Promise.resolve(okJson(who)));
    const call = () =>
      handler(apiRequest({ method: 'GET', headers: { authorization: 'Bearer a.b.c' } }));
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(event).toMatchObject({ level: 'warn', tid: priya.tid, oid: priya.oid });
    expect(lines[0]).not.toContain(priya.name);
  });

  it('reads API_RATE_LIMIT and CARD_ACTION_RATE_LIMIT as requests/seconds, with defaults', () => {
    const base = {
      APP_ENV: 'local',
      AUTH_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
      AZURE_TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    };
    expect(loadConfig(base).rateLimits).toEqual({
      api: { points: 60, seconds: 10 },
      cardActions: { points: 20, seconds: 10 },
    });
    expect(loadConfig({ ...base, API_RATE_LIMIT: '5/60' }).rateLimits.api).toEqual({
      points: 5,
      seconds: 60,
    });
    for (const bad of ['60', '0/10', '10/0', 'many/10']) {
      expect(() => loadConfig({ ...base, CARD_ACTION_RATE_LIMIT: bad })).toThrow(StartupError);
    }
  });
});

describe('R3: host-level HTTP limits (functions/host.json)', () => {
  it('sets bounded outstanding and concurrent requests with dynamic throttles', () => {
    const host = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../../functions/host.json'), 'utf8'),
    ) as { extensions: { http: Record<string, unknown> } };
    const http = host.extensions.http;
    expect(http.maxOutstandingRequests).toEqual(expect.any(Number));
    expect(http.maxConcurrentRequests).toEqual(expect.any(Number));
    expect(Number(http.maxConcurrentRequests)).toBeLessThanOrEqual(
      Number(http.maxOutstandingRequests),
    );
    expect(http.dynamicThrottlesEnabled).toBe(true);
  });
});
