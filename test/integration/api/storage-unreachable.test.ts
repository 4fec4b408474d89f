import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../functions/src/config/app-config';
import { allRoutes } from '../../../functions/src/functions';
import { appWiring } from '../../../functions/src/http/app-wiring';
import { composeRuntime } from '../../../functions/src/http/compose-runtime';
import type { Logger } from '../../../functions/src/http/logger';
import { installRuntime, uninstallRuntime } from '../../../functions/src/http/runtime';
import { localClientId } from '../../../functions/src/local/demo-personas';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { createLocalIdp } from '../../../functions/src/local/local-idp';
import { TransientStorageError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { createAppServices } from '../../../functions/src/services/create-case-service';
import { faultPolicy } from '../../support/storage-faults';

// Issue 8 item 4: with the storage account unreachable, every read and write is 503
// problem+json with Retry-After (the provider directory's listing included), and the log says
// it was storage, not "Token keys unavailable".

const logged: { level: string; message: string; error?: unknown }[] = [];
const log: Logger = {
  info: (message) => logged.push({ level: 'info', message }),
  warn: (message, data) => logged.push({ level: 'warn', message, error: data?.error }),
  error: (message, data) => logged.push({ level: 'error', message, error: data?.error }),
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let host: LocalHost;
let token: string;

beforeAll(async () => {
  const live = process.env.AZURE_TABLES_CONNECTION_STRING!;
  const dead = live.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${await closedPort()}`);
  expect(dead).not.toBe(live);
  const env = {
    APP_ENV: 'local',
    LOCAL_IDP: 'on',
    AUTH_CLIENT_ID: localClientId,
    AZURE_TABLES_CONNECTION_STRING: dead,
  };
  const idp = await createLocalIdp(loadConfig(env));
  host = await startLocalHost({ port: 0, routes: allRoutes, localRoutes: idp.routes, log });
  const config = loadConfig({ ...env, AUTH_JWKS_URL: `${host.url}/local-idp/keys` });
  const services = createAppServices(
    { connectionString: dead },
    { tableOptions: { retryOptions: { maxRetries: 0 } } },
  );
  installRuntime(composeRuntime({ config, log, createServices: () => appWiring(services) }));
  token = (await idp.issueToken('me-course-tutor'))!;
}, 60_000);

afterAll(async () => {
  await host.stop();
  uninstallRuntime();
});

describe('storage unreachable (issue 8 item 4)', () => {
  it.each([
    ['GET', '/api/cases'],
    ['GET', '/api/cases/mid-essex-itt.AAAAAAAAAAAAAAAAAAAAAA'],
    ['GET', '/api/providers/mid-essex-itt/settings'],
    ['POST', '/api/cases/mid-essex-itt.AAAAAAAAAAAAAAAAAAAAAA/comments'],
  ])('%s %s answers 503 problem+json with Retry-After', async (method, path) => {
    const before = logged.length;
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ text: 'x', visibility: 'staff' }) } : {}),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { code: string }).code).toBe('STORAGE_UNAVAILABLE');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const entries = logged.slice(before);
    expect(entries.map((e) => e.message)).toContain('Request failed: storage unavailable');
    expect(entries.map((e) => e.message)).not.toContain('Token keys unavailable');
  });

  it('the provider directory listing, once its table exists, fails as the typed storage error', async () => {
    // Azurite is up for the table; then the listing query gets 503 Server Busy, every retry.
    const busy = faultPolicy(
      { kind: 'fail-before-send', status: 503, times: 1_000 },
      (r) => r.method === 'GET' && r.url.includes('providers') && r.url.includes('filter'),
    );
    const live = createAppServices(
      { connectionString: process.env.AZURE_TABLES_CONNECTION_STRING! },
      {
        tables: { providers: `providersdown${Date.now()}` },
        tableOptions: { retryOptions: { maxRetries: 0 }, additionalPolicies: [busy.policy] },
      },
    );
    const failure = await live.providers.all().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(busy.injected()).toBeGreaterThan(0);
    expect(failure).toBeInstanceOf(TransientStorageError);
    expect((failure as Error).message).toContain('provider directory listing');
  });
});
