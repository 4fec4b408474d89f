/**
 * A local Microsoft Graph (and Entra token endpoint) on 127.0.0.1, for exactly the calls the
 * product makes. It checks tokens and bodies as Graph does, answers with Graph's shapes, injects
 * 429/503/500/timeouts at a configurable rate, and keeps each person's calendar, activity feed
 * and mail so a person (or a test) can see what would have been sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickFault, noFaults, seededRandom, type FaultKind, type FaultSettings } from './faults';
import { graphCall, type GraphApiContext } from './graph-api';
import { graphError, type GraphReply } from './graph-errors';
import { batchSchema } from './graph-schemas';
import { mailboxPage } from './mailbox-page';
import { Mailboxes, type GraphUser } from './mailboxes';
import { LocalEntra, type IssuedToken, type LocalApp } from './token-endpoint';

/** What the local Graph starts with. */
export interface LocalGraphOptions {
  readonly port?: number;
  readonly apps: readonly LocalApp[];
  readonly users: readonly GraphUser[];
  /** Activity types declared in the Teams app manifest. */
  readonly activityTypes: readonly string[];
  readonly faults?: Partial<FaultSettings>;
  readonly seed?: number;
}

/** One request the local Graph answered (inner batch requests too), for tests and the page. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number | 'timeout';
  readonly body: unknown;
  readonly inBatch: boolean;
  readonly fault: FaultKind | null;
}

/** A running local Graph. */
export interface LocalGraph {
  readonly url: string;
  readonly mailboxes: Mailboxes;
  readonly requests: RecordedRequest[];
  /** Every HTTP request that reached the server (a `$batch` is one), token requests included. */
  readonly httpCalls: { readonly method: string; readonly path: string }[];
  setFaults(faults: Partial<FaultSettings>): void;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

/** A request body the local Graph will not read. */
class LocalGraphBodyError extends Error {
  override readonly name = 'LocalGraphBodyError';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 4_000_000) throw new LocalGraphBodyError('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: GraphReply): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...(body === '' ? {} : { 'content-type': 'application/json; odata.metadata=minimal' }),
    'request-id': crypto.randomUUID(),
    ...reply.headers,
  });
  response.end(body);
}

function faultReply(kind: Exclude<FaultKind, 'timeout'>, settings: FaultSettings): GraphReply {
  const retryAfter = { 'retry-after': String(settings.retryAfterSeconds) };
  if (kind === '429')
    return graphError(
      429,
      'TooManyRequests',
      'Application is over its MailboxConcurrency limit.',
      retryAfter,
    );
  if (kind === '503')
    return graphError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable.',
      retryAfter,
    );
  return graphError(500, 'generalException', 'An unexpected error occurred.');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Starts the local Graph on 127.0.0.1 (a free port unless one is given). */
export async function startLocalGraph(options: LocalGraphOptions): Promise<LocalGraph> {
  const mailboxes = new Mailboxes(options.users);
  const entra = new LocalEntra(options.apps);
  const requests: RecordedRequest[] = [];
  const httpCalls: { method: string; path: string }[] = [];
  let faults: FaultSettings = { ...noFaults, ...options.faults };
  const random = seededRandom(options.seed ?? 1);
  const ctx: { api?: GraphApiContext } = {};

  function served(
    token: IssuedToken,
    method: string,
    path: string,
    body: unknown,
    inBatch: boolean,
  ): GraphReply | 'timeout' {
    const fault = pickFault(faults, random);
    if (fault === 'timeout') {
      requests.push({ method, path, status: 'timeout', body, inBatch, fault });
      return 'timeout';
    }
    const reply =
      fault !== null
        ? faultReply(fault, faults)
        : ctx.api === undefined
          ? graphError(503, 'serviceNotAvailable', 'Starting.')
          : graphCall(ctx.api, token, method, path, body);
    requests.push({ method, path, status: reply.status, body, inBatch, fault });
    return reply;
  }

  function batch(token: IssuedToken, body: unknown): GraphReply | 'timeout' {
    const parsed = batchSchema.safeParse(body);
    if (!parsed.success)
      return graphError(
        400,
        'BadRequest',
        parsed.error.issues[0]?.message ?? 'Invalid batch request.',
      );
    const responses = parsed.data.requests.map((inner) => {
      const reply = served(token, inner.method, inner.url.split('?')[0] ?? '', inner.body, true);
      // Inside a batch a "timeout" is Graph's 504 for that request.
      const r =
        reply === 'timeout' ? graphError(504, 'GatewayTimeout', 'The request timed out.') : reply;
      return {
        id: inner.id,
        status: r.status,
        headers: r.headers ?? {},
        ...(r.body === undefined ? {} : { body: r.body }),
      };
    });
    return { status: 200, body: { responses } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const method = (request.method ?? 'GET').toUpperCase();
    httpCalls.push({ method, path: url.pathname });
    const text = await readBody(request);
    if (method === 'GET' && url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(mailboxPage(mailboxes.all()));
      return;
    }
    const tenant = tokenPath.exec(url.pathname)?.[1];
    if (tenant !== undefined && method === 'POST') {
      send(response, entra.token(tenant, new URLSearchParams(text)));
      return;
    }
    if (!url.pathname.startsWith('/v1.0/')) {
      send(response, graphError(400, 'BadRequest', 'Invalid version.'));
      return;
    }
    const token = entra.check(request.headers.authorization);
    if (token === undefined) {
      send(
        response,
        graphError(
          401,
          'InvalidAuthenticationToken',
          'Access token validation failure. Invalid audience.',
        ),
      );
      return;
    }
    const json = parseJson(text);
    if (!json.ok) {
      send(response, graphError(400, 'BadRequest', 'Unable to read JSON request payload.'));
      return;
    }
    const path = url.pathname.slice('/v1.0'.length);
    const reply =
      path === '/$batch' && method === 'POST'
        ? batch(token, json.value)
        : served(token, method, path, json.value, false);
    if (reply === 'timeout') {
      setTimeout(() => request.socket.destroy(), faults.hangMs).unref();
      return;
    }
    send(response, reply);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent)
        send(response, graphError(500, 'generalException', 'Local Graph failed.'));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  ctx.api = { mailboxes, activityTypes: new Set(options.activityTypes), baseUrl: url };
  return {
    url,
    mailboxes,
    requests,
    httpCalls,
    setFaults: (next) => {
      faults = { ...faults, ...next };
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      });
    },
  };
}
