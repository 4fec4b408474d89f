import { loadConfig } from '../../../functions/src/config/app-config';
import { allRoutes } from '../../../functions/src/functions';
import { appWiring } from '../../../functions/src/http/app-wiring';
import { composeRuntime } from '../../../functions/src/http/compose-runtime';
import { silentLogger } from '../../../functions/src/http/logger';
import { installRuntime, uninstallRuntime } from '../../../functions/src/http/runtime';
import { demoPersonas, localClientId } from '../../../functions/src/local/demo-personas';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { createLocalIdp, type LocalIdp } from '../../../functions/src/local/local-idp';
import { freshServices } from '../../support/service-fixture';

/** A response as a test sees it: status, lower-case headers, parsed JSON (or undefined) and raw text. */
export interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/** How to call: a persona (its local-IdP token), extra headers, a JSON value or a raw body. */
export interface CallOptions {
  readonly as?: string;
  readonly json?: unknown;
  readonly raw?: string | Uint8Array<ArrayBuffer>;
  readonly headers?: Record<string, string>;
}

/** The real route table on the local host, the real service on fresh Azurite tables, real tokens. */
export interface ApiHarness {
  readonly services: Awaited<ReturnType<typeof freshServices>>;
  readonly host: LocalHost;
  readonly idp: LocalIdp;
  call(method: string, path: string, options?: CallOptions): Promise<ApiReply>;
  stop(): Promise<void>;
}

/** A fixed service clock: a Monday in the Spring 1 term of the demo calendar. */
export const apiNow = new Date('2026-01-12T10:00:00Z');

const env = (extra: Record<string, string> = {}) => ({
  APP_ENV: 'local',
  LOCAL_IDP: 'on',
  AUTH_CLIENT_ID: localClientId,
  AZURE_TABLES_CONNECTION_STRING: process.env.AZURE_TABLES_CONNECTION_STRING ?? '',
  // These suites send hundreds of requests as one persona on purpose; R3 has its own test.
  API_RATE_LIMIT: '1000000/10',
  ...extra,
});

/** Starts the API on 127.0.0.1 (port 0) with the local IdP's JWKS, and installs the services. */
export async function startApi(extraEnv: Record<string, string> = {}): Promise<ApiHarness> {
  const services = await freshServices(() => apiNow);
  const idp = await createLocalIdp(loadConfig(env()));
  const host = await startLocalHost({
    port: 0,
    routes: allRoutes,
    localRoutes: idp.routes,
    log: silentLogger,
  });
  const config = loadConfig(env({ AUTH_JWKS_URL: `${host.url}/local-idp/keys`, ...extraEnv }));
  installRuntime(
    composeRuntime({
      config,
      log: silentLogger,
      createServices: () => appWiring(services),
    }),
  );
  const tokens = new Map<string, string>();
  const token = async (persona: string) => {
    const cached = tokens.get(persona);
    if (cached !== undefined) return cached;
    const issued = await idp.issueToken(persona);
    if (issued === undefined) throw new Error(`no persona ${persona}`);
    tokens.set(persona, issued);
    return issued;
  };
  const call = async (
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiReply> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as !== undefined) headers.authorization = `Bearer ${await token(options.as)}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  return {
    services,
    host,
    idp,
    call,
    stop: async () => {
      await host.stop();
      uninstallRuntime();
    },
  };
}

/** The body of a JSON reply, typed by the test. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of parsed JSON
export function bodyOf<T>(reply: ApiReply): T {
  return reply.body as T;
}

/** A demo persona as a case participant (no email: nothing here is sent). */
export function namedParticipant(id: string) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no demo persona ${id}`);
  return { role: p.role, name: p.name, tid: p.tid, oid: p.oid, email: null };
}

/**
 * Opens a Mid Essex case for me-trainee-1 as the course tutor, with the mentor, through the API;
 * `extra` joins the body (e.g. `openedOnPaper`). Returns the case id, or fails the test.
 */
export async function openMidEssexCase(
  api: ApiHarness,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const { role: _role, ...trainee } = namedParticipant('me-trainee-1');
  const reply = await api.call('POST', '/api/providers/mid-essex-itt/cases', {
    as: 'me-course-tutor',
    json: {
      trainee: {
        ...trainee,
        route: 'secondary',
        subject: 'History',
        school: 'Riverside School',
        placement: 'A',
      },
      participants: [namedParticipant('me-course-tutor'), namedParticipant('me-mentor')],
      ...extra,
    },
  });
  expect(reply.status).toBe(201);
  return bodyOf<{ caseId: string }>(reply).caseId;
}
