import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { declaredTooLarge, payloadTooLarge } from '../http/body-limit';
import { correlationHeader, correlationIdFrom } from '../http/correlation';
import { dispatch, type Handler, type WireResponse } from '../http/dispatch';
import type { Logger } from '../http/logger';
import { problem } from '../http/problem';
import { validateRouteTable } from '../http/route-table';
import type { RouteDefinition, TimerDefinition } from '../http/route-types';
import { createRouter, type Router } from '../http/router';
import { discardBudget, discardRest, readNodeBody } from './node-body';
import type { LocalRoute } from './local-route';
import { startTimers } from './local-timers';
import { serveTab } from './serve-tab';

/** Loopback only: nothing we run listens beyond this machine. */
export const localHostname = '127.0.0.1';

/** What the local host serves. */
export interface LocalHostOptions {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  readonly routes: readonly RouteDefinition[];
  readonly timers?: readonly TimerDefinition[];
  /** Routes outside `/api` (the local IdP). */
  readonly localRoutes?: readonly LocalRoute[];
  /** Folder of the built tab, served at `/tab/`. */
  readonly tabDir?: string;
  readonly log: Logger;
}

/** A running local host. */
export interface LocalHost {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

type Resolved = { handler: Handler; params: Record<string, string> };

function resolve(
  router: Router,
  localRoutes: readonly LocalRoute[],
  method: string,
  path: string,
): Resolved {
  if (path === '/api' || path.startsWith('/api/')) {
    const match = router(method, path.slice('/api'.length));
    if (match.kind === 'found') return { handler: match.route.handler, params: match.params };
    if (match.kind === 'method-not-allowed') {
      const response = problem(405, 'METHOD_NOT_ALLOWED', `Use ${match.allow.join(', ')}.`, {
        headers: { allow: match.allow.join(', ') },
      });
      return { handler: () => Promise.resolve(response), params: {} };
    }
  }
  const local = localRoutes.find((route) => route.path === path && route.method === method);
  if (local !== undefined) return { handler: local.handler, params: {} };
  return {
    handler: () => Promise.resolve(problem(404, 'NOT_FOUND', `Nothing at ${path}.`)),
    params: {},
  };
}

function send(response: ServerResponse, wire: WireResponse, close: boolean): void {
  // A known length: one write with the headers, no chunked framing.
  const headers: Record<string, string | number> = {
    ...wire.headers,
    'content-length': wire.body?.byteLength ?? 0,
  };
  if (close) headers.connection = 'close';
  response.writeHead(wire.status, headers);
  response.end(wire.body);
}

function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers[correlationHeader] = correlationIdFrom(headers);
  return headers;
}

async function handle(
  options: LocalHostOptions,
  router: Router,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const url = new URL(request.url ?? '/', `http://${localHostname}`);
  const method = (request.method ?? 'GET').toUpperCase();
  if (
    options.tabDir !== undefined &&
    (url.pathname === '/tab' || url.pathname.startsWith('/tab/'))
  ) {
    await serveTab(options.tabDir, method, url, response);
    return;
  }
  const headers = headerRecord(request);
  const { handler, params } = resolve(router, options.localRoutes ?? [], method, url.pathname);
  const base = { method, path: url.pathname, params, query: url.searchParams, headers };
  const body = declaredTooLarge(headers['content-length'])
    ? undefined
    : await readNodeBody(request);
  if (body === undefined) {
    const tooLarge = () => Promise.resolve(payloadTooLarge());
    const wire = await dispatch(tooLarge, { ...base, body: new Uint8Array() }, options.log);
    // Let a modest sender finish (discarding) so it can read the 413; hang up on a huge one.
    const hangUp = declaredTooLarge(headers['content-length'], discardBudget);
    send(response, wire, hangUp);
    if (!hangUp) discardRest(request, discardBudget);
    return;
  }
  send(response, await dispatch(handler, { ...base, body }, options.log), false);
}

/** Serves the route table (and the local IdP and tab) over `node:http` on 127.0.0.1, and runs the timers. */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  validateRouteTable({ routes: options.routes, timers: options.timers ?? [] });
  const router = createRouter(options.routes);
  const server = createServer((request, response) => {
    handle(options, router, request, response).catch((error: unknown) => {
      options.log.error('Local host failed to answer', { error });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen({ host: localHostname, port: options.port, exclusive: true }, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const timers = startTimers(options.timers ?? [], options.log);
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${localHostname}:${port}`,
    stop: async () => {
      timers.stop();
      server.closeAllConnections();
      await new Promise<void>((done) =>
        server.close(() => {
          done();
        }),
      );
    },
  };
}
