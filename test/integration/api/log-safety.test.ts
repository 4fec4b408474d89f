import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import { entraIssuer, requiredScope } from '../../../functions/src/auth/claims';
import { loadConfig } from '../../../functions/src/config/app-config';
import { configSummary } from '../../../functions/src/config/config-summary';
import { allRoutes } from '../../../functions/src/functions';
import { appWiring } from '../../../functions/src/http/app-wiring';
import { composeRuntime } from '../../../functions/src/http/compose-runtime';
import { jsonLineLogger, type Logger } from '../../../functions/src/http/logger';
import {
  installRuntime,
  uninstallRuntime,
  type AppRuntime,
} from '../../../functions/src/http/runtime';
import { demoPersonas, localClientId } from '../../../functions/src/local/demo-personas';
import { demoProviders } from '../../../functions/src/local/demo-providers';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { createLocalIdp, type LocalIdp } from '../../../functions/src/local/local-idp';
import { createAppServices } from '../../../functions/src/services/create-case-service';
import type { CaseServicePort } from '../../../functions/src/services/case-service-port';
import { faultPolicy, isBatch } from '../../support/storage-faults';
import { apiNow } from './api-fixture';

/**
 * AU3: a realistic API session on the local host, against Azurite, with the real route table,
 * real tokens and a capturing logger built by the production factory (`jsonLineLogger`); then
 * every captured byte is searched for special-category text, tokens and storage secrets.
 */

/** Special-category text (a medical concern's description): must never reach a log. */
const SENTINEL = 'SENTINEL-AU3-MEDICAL-5d1e';
/** The AU3 log-injection input: CR LF followed by a forged record. */
const INJECTION = '\r\n{"level":"info","msg":"signed"}';
/**
 * The same after every other line separator (U+2028, U+2029, NEL): free text refuses NEL (V3)
 * and Azurite's batch parser fails on U+2028/2029, so only a dependency's error message holds it.
 */
const INJECTION_ALL = ['\u2028', '\u2029', '\u0085'].reduce(
  (text, separator) => `${text}${separator}{"level":"info","msg":"signed"}`,
  INJECTION,
);
/** Everything a log reader might treat as the end of a line. */
const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/;
const jwtPattern = /eyJ[\w-]+\.[\w-]+\./;
/** Characters a safe line never holds raw (C0, DEL, C1, U+2028/2029). */
// eslint-disable-next-line no-control-regex -- this test looks for exactly these
const rawControl = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ME = 'mid-essex-itt';

const connectionString = process.env.AZURE_TABLES_CONNECTION_STRING ?? '';
const accountKey = /AccountKey=([^;]+)/.exec(connectionString)?.[1] ?? '';

/** Every line written, and every call made, through the logger under test. */
const lines: string[] = [];
let calls = 0;
const captured = jsonLineLogger((line) => lines.push(line));
const log: Logger = {
  info: (message, data) => {
    calls += 1;
    captured.info(message, data);
  },
  warn: (message, data) => {
    calls += 1;
    captured.warn(message, data);
  },
  error: (message, data) => {
    calls += 1;
    captured.error(message, data);
  },
};

/** Every token the scenario sent, valid or not. */
const tokensUsed: string[] = [];

/** Where the failing dependency was called: a URL with a SAS signature. */
const upstreamUrl =
  'https://acct.blob.core.windows.net/exports/case.pdf?sv=2024-05-04&sig=AU3SIGNATURE';

/**
 * A dependency that fails the worst way HTTP clients do: the error carries the request it made
 * (axios style: `config` with the caller's token, as an on-behalf-of call would have) and the
 * response it got (with the case text), and its message echoes a value it was sent, its URL and
 * its Authorization header.
 */
class UpstreamHttpError extends Error {
  override readonly name = 'UpstreamHttpError';
  readonly code = 'ERR_BAD_RESPONSE';
  readonly status = 502;
  constructor(
    message: string,
    readonly config: { readonly url: string; readonly headers: Record<string, string> },
    readonly response: { readonly status: number; readonly data: unknown },
  ) {
    super(message);
  }
}
let upstreamToken = '';
const upstreamMessage = (filter: string, authorization: string) =>
  `Upstream refused the filter "${filter}" for GET ${upstreamUrl} (Authorization: ${authorization})`;
function leakyHistory(service: CaseServicePort): CaseServicePort {
  return {
    ...service,
    history: () =>
      Promise.reject(
        new UpstreamHttpError(
          upstreamMessage(INJECTION_ALL, `Bearer ${upstreamToken}`),
          { url: upstreamUrl, headers: { Authorization: `Bearer ${upstreamToken}` } },
          { status: 400, data: { description: `Occupational health: ${SENTINEL}` } },
        ),
      ),
  };
}

/** Failing `$batch` writes: Table Storage answers 400 (a refusal retrying will not fix). */
let failNextBatch = false;
const storageFault = faultPolicy(
  { kind: 'fail-before-send', status: 400, times: 1 },
  (request) => failNextBatch && isBatch(request),
);

const env = (extra: Record<string, string> = {}) => ({
  APP_ENV: 'local',
  LOCAL_IDP: 'on',
  AUTH_CLIENT_ID: localClientId,
  AZURE_TABLES_CONNECTION_STRING: connectionString,
  ...extra,
});

let host: LocalHost;
let idp: LocalIdp;
let runtimeFor: (jwksUrl: string) => AppRuntime;
let caseId = '';

beforeAll(async () => {
  const suffix = `${Date.now()}${randomInt(1_000_000)}`;
  const services = createAppServices(
    { connectionString },
    {
      tables: {
        cases: `cases${suffix}`,
        providers: `providers${suffix}`,
        securityAudit: `audit${suffix}`,
      },
      tableOptions: {
        retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 },
        additionalPolicies: [storageFault.policy],
      },
      clock: () => apiNow,
      providerCacheMs: 60_000,
    },
  );
  for (const provider of demoProviders) {
    const saved = await services.providers.put(provider, null, null);
    if (!saved.ok) throw new Error(saved.refusal.message);
  }
  idp = await createLocalIdp(loadConfig(env()));
  host = await startLocalHost({ port: 0, routes: allRoutes, localRoutes: idp.routes, log });
  runtimeFor = (jwksUrl) => {
    const config = loadConfig(env({ AUTH_JWKS_URL: jwksUrl }));
    return composeRuntime({
      config,
      log,
      createServices: () => {
        const wiring = appWiring(services);
        return { ...wiring, service: leakyHistory(wiring.service) };
      },
    });
  };
  const runtime = runtimeFor(`${host.url}/local-idp/keys`);
  // As main.ts and scripts/start.ts do at start-up.
  log.info(`Starting: ${configSummary(runtime.config)}`);
  installRuntime(runtime);
});

afterAll(async () => {
  await host.stop();
  uninstallRuntime();
});

async function tokenFor(persona: string): Promise<string> {
  const token = await idp.issueToken(persona);
  if (token === undefined) throw new Error(`no persona ${persona}`);
  tokensUsed.push(token);
  return token;
}

async function call(
  method: string,
  path: string,
  token: string | undefined,
  json?: unknown,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers,
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: response.status, text: await response.text() };
}

const person = (id: string) => {
  const p = demoPersonas.find((x) => x.id === id)!;
  return { name: p.name, tid: p.tid, oid: p.oid, email: null };
};

/** A token for `persona`, signed by a key the API does not trust and expired an hour ago. */
async function expiredForeignToken(persona: string): Promise<string> {
  const p = demoPersonas.find((x) => x.id === persona)!;
  const { privateKey } = await generateKeyPair('RS256');
  const issuedAt = Math.floor(Date.now() / 1000) - 7_200;
  const token = await new SignJWT({ tid: p.tid, oid: p.oid, name: p.name, scp: requiredScope })
    .setProtectedHeader({ alg: 'RS256', kid: 'au3-unknown-key', typ: 'JWT' })
    .setIssuer(entraIssuer(p.tid))
    .setAudience(localClientId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3_600)
    .sign(privateKey);
  tokensUsed.push(token);
  return token;
}

/** A valid token whose payload was edited (exp in the past): the signature no longer matches. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    exp: number;
  };
  const edited = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp - 86_400 })).toString(
    'base64url',
  );
  const forged = `${header}.${edited}.${signature}`;
  tokensUsed.push(forged);
  return forged;
}

/** A TCP endpoint that hangs up on every connection: the sign-in key set is unreachable. */
async function deadEndpoint(): Promise<{ url: string; server: Server }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/keys`, server };
}

interface LogRecord {
  readonly time: string;
  readonly level: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

// The first test runs the scenario; the others read what it logged (jest runs them in order).
describe('AU3: logs of a realistic API session', () => {
  it('AU3: runs the scenario (medical concern, valid and invalid tokens, 500s, key outage)', async () => {
    const tutor = await tokenFor('me-course-tutor');
    const mentor = await tokenFor('me-mentor');
    const opened = await call('POST', `/api/providers/${ME}/cases`, tutor, {
      trainee: {
        ...person('me-trainee-1'),
        route: 'secondary',
        subject: 'Mathematics',
        school: 'Riverside School',
        placement: 'A',
      },
      participants: ['me-course-tutor', 'me-mentor'].map((id) => ({
        role: demoPersonas.find((p) => p.id === id)!.role,
        ...person(id),
      })),
    });
    expect(opened.status).toBe(201);
    caseId = (JSON.parse(opened.text) as { caseId: string }).caseId;

    const medical = {
      category: 'medical-circumstances',
      description: `Occupational health: ${SENTINEL}${INJECTION}`,
    };
    expect((await call('POST', `/api/cases/${caseId}/concerns`, tutor, medical)).status).toBe(200);
    const asTutor = await call('GET', `/api/cases/${caseId}`, tutor);
    expect(asTutor.status).toBe(200);
    expect(asTutor.text).toContain(SENTINEL);
    expect((await call('GET', `/api/cases/${caseId}`, mentor)).status).toBe(200);
    expect((await call('GET', `/api/cases?mine=true`, mentor)).status).toBe(200);

    // Invalid tokens: tampered, expired and signed by a stranger, garbage.
    expect((await call('GET', `/api/cases/${caseId}`, tampered(mentor))).status).toBe(401);
    const foreign = await expiredForeignToken('me-course-tutor');
    expect((await call('GET', `/api/cases/${caseId}`, foreign)).status).toBe(401);
    expect((await call('GET', `/api/cases/${caseId}`, 'not-a-token')).status).toBe(401);
    // An injection attempt in the path.
    const path = `/api/cases/${encodeURIComponent(`x${INJECTION}`)}`;
    expect([400, 404]).toContain((await call('GET', path, tutor)).status);

    // Storage refuses the medical concern's transaction: a storage failure, 503 (issue 8 item 4)...
    failNextBatch = true;
    const refused = await call('POST', `/api/cases/${caseId}/concerns`, tutor, medical);
    failNextBatch = false;
    expect(storageFault.injected()).toBe(1);
    expect(refused.status).toBe(503);
    // ...and the 500 path: a dependency fails with the caller's token and the case text in its error.
    upstreamToken = tutor;
    expect((await call('GET', `/api/cases/${caseId}/history`, tutor)).status).toBe(500);

    // The sign-in keys are unreachable: a valid token in flight while the outage is logged.
    const dead = await deadEndpoint();
    try {
      installRuntime(runtimeFor(dead.url));
      const fresh = await tokenFor('me-course-tutor');
      expect((await call('GET', `/api/cases/${caseId}`, fresh)).status).toBe(503);
    } finally {
      installRuntime(runtimeFor(`${host.url}/local-idp/keys`));
      dead.server.close();
    }
  });

  it('AU3: wrote exactly one JSON line per log call, and the expected entries', () => {
    const output = lines.join('\n');
    const physical = output.split(lineBreak);
    expect(lines).toHaveLength(calls);
    expect(physical).toHaveLength(calls);
    const records = physical.map((line) => JSON.parse(line) as LogRecord);
    for (const record of records) {
      expect(record).toEqual(
        expect.objectContaining({
          time: expect.any(String) as unknown,
          level: expect.stringMatching(/^(info|warn|error)$/) as unknown,
          message: expect.any(String) as unknown,
        }),
      );
    }
    expect(records.map((r) => `${r.level} ${r.message}`)).toEqual([
      expect.stringMatching(/^info Starting: env=local tables=connection string/),
      'error Request failed: storage unavailable',
      'error Request failed',
      'warn Token keys unavailable',
    ]);
    const [, storage, upstream, keys] = records;
    expect(storage).toMatchObject({
      path: `/api/cases/${caseId}/concerns`,
      error: { name: 'StorageRequestError', cause: { name: 'RestError', statusCode: 400 } },
    });
    expect(upstream).toMatchObject({
      error: { name: 'UpstreamHttpError', code: 'ERR_BAD_RESPONSE', status: 502 },
    });
    expect(keys?.error).toBeDefined();
  });

  it('AU3: the injection attempt stayed inside a single record, encoded, not executed', () => {
    const records = lines.map((line) => JSON.parse(line) as LogRecord);
    expect(records.filter((r) => 'msg' in r)).toEqual([]);
    expect(records.filter((r) => r.message === 'signed')).toEqual([]);
    const holding = records.filter((r) => JSON.stringify(r).includes('\\"msg\\":\\"signed\\"'));
    expect(holding).toHaveLength(1);
    expect((holding[0]?.error as { message: string }).message).toBe(
      upstreamMessage(INJECTION_ALL, 'Bearer [redacted]').replace(
        'sig=AU3SIGNATURE',
        'sig=[redacted]',
      ),
    );
    for (const line of lines) expect(line).not.toMatch(rawControl);
  });

  it('AU3: no special-category text, token or storage secret anywhere in the output', () => {
    const output = lines.join('\n');
    expect(tokensUsed.length).toBeGreaterThanOrEqual(5);
    expect(accountKey).toMatch(/^[A-Za-z0-9+/]{40,}=*$/);
    const hits = (needle: string | RegExp) =>
      typeof needle === 'string'
        ? output.split(needle).length - 1
        : (output.match(new RegExp(needle.source, 'g')) ?? []).length;
    expect({
      sentinel: hits(SENTINEL),
      jwt: hits(jwtPattern),
      accountKeyName: hits('AccountKey='),
      accountKey: hits(accountKey),
      sharedKeySignature: hits(/SharedKey \S+:/),
      sasSignature: hits('AU3SIGNATURE'),
      bearer: hits(/Bearer (?!\[redacted\])/),
    }).toEqual({
      sentinel: 0,
      jwt: 0,
      accountKeyName: 0,
      accountKey: 0,
      sharedKeySignature: 0,
      sasSignature: 0,
      bearer: 0,
    });
    for (const token of tokensUsed) {
      const signature = token.split('.')[2] ?? token;
      expect({ token: hits(token), signature: hits(signature) }).toEqual({
        token: 0,
        signature: 0,
      });
    }
  });
});
