import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly authorization?: string;
}

/** A stand-in for Microsoft's Bot Connector service (our cloud boundary), on 127.0.0.1. */
export interface FakeConnector {
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Answers the next call matching `match` with `status` (a failpoint at the cloud boundary). */
  failNext(match: (call: ConnectorCall) => boolean, status: number): void;
  /** Resolves when a call matching `match` has arrived (or rejects after `ms`). */
  waitFor(match: (call: ConnectorCall) => boolean, ms?: number): Promise<ConnectorCall>;
  stop(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Starts the fake connector; `members` is what `GET .../members` answers. */
export async function startFakeConnector(members: readonly unknown[] = []): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: { match: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }[] =
    [];
  let next = 0;
  const failures: { match: (c: ConnectorCall) => boolean; status: number }[] = [];
  const server = createServer((request, response) => {
    readJson(request).then(
      (body) => {
        const call = {
          method: request.method ?? '',
          path: request.url ?? '',
          body,
          ...(request.headers.authorization === undefined
            ? {}
            : { authorization: request.headers.authorization }),
        };
        calls.push(call);
        for (const w of waiters.filter((x) => x.match(call))) w.resolve(call);
        const failure = failures.findIndex((f) => f.match(call));
        if (failure >= 0) {
          const status = failures.splice(failure, 1)[0]?.status ?? 500;
          response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const answer = call.path.endsWith('/members') ? members : { id: `sent-${++next}` };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    failNext: (match, status) => {
      failures.push({ match, status });
    },
    waitFor: (match, ms = 5_000) => {
      const seen = calls.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error('connector call not seen in time'));
        }, ms);
        waiters.push({
          match,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
