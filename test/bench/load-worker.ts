/**
 * The HTTP load generator for `npm run bench`, run as a separate, long-lived process (forked by
 * api-bench.ts) so its event loop and JIT warm-up are not the server's. It drives autocannon, a
 * load generator whose client costs a fraction of `fetch` per request: on two cores, every
 * millisecond the client spends is a millisecond the server under test does not get.
 */
import autocannon from 'autocannon';

/** One batch of requests: `clients` connections, each sending `perClient` requests. */
export interface LoadBatch {
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  /** One path, or one per client (client i always uses path i). */
  readonly paths: readonly string[];
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly clients: number;
  readonly perClient: number;
}

/** What the worker sends back: every latency in ms, or why the batch failed. */
export type LoadResult =
  | { readonly ok: true; readonly samples: number[]; readonly cpuMs: number }
  | { readonly ok: false; readonly error: string };

async function runBatch(batch: LoadBatch): Promise<LoadResult> {
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  let nextClient = 0;
  let finish: (outcome: { error: unknown; result: autocannon.Result }) => void = () => undefined;
  const done = new Promise<{ error: unknown; result: autocannon.Result }>((resolve) => {
    finish = resolve;
  });
  const instance = autocannon(
    {
      url: batch.origin,
      connections: batch.clients,
      amount: batch.clients * batch.perClient,
      pipelining: 1,
      timeout: 30,
      initialContext: {},
      requests: [
        {
          method: batch.method,
          headers: batch.headers,
          ...(batch.body === undefined ? {} : { body: batch.body }),
          // The context is per connection: pin each connection to its own path.
          setupRequest: (request, context: { path?: string }) => {
            context.path ??= batch.paths[nextClient++ % batch.paths.length];
            return { ...request, path: context.path };
          },
        },
      ],
    },
    (error: unknown, result) => {
      finish({ error, result });
    },
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    samples.push(responseTime);
  });
  const { error, result } = await done;
  if (error instanceof Error) return { ok: false, error: error.message };
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    return {
      ok: false,
      error: `${String(failed)} of ${String(result.requests.total)} requests failed (non-2xx ${String(result.non2xx)}, errors ${String(result.errors)}, timeouts ${String(result.timeouts)})`,
    };
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { ok: true, samples, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (batch: LoadBatch) => {
  void runBatch(batch)
    .catch((error: unknown): LoadResult => ({
      ok: false,
      error: error instanceof Error ? error.message : 'load failed',
    }))
    .then((result) => process.send?.(result));
});
