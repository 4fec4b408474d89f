import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Identity } from '@shared/domain/context';
import { loadConfig } from '../../functions/src/config/app-config';
import { appWiring } from '../../functions/src/http/app-wiring';
import { composeRuntime } from '../../functions/src/http/compose-runtime';
import { silentLogger } from '../../functions/src/http/logger';
import { appRouteTable } from '../../functions/src/http/routes';
import { installRuntime, uninstallRuntime } from '../../functions/src/http/runtime';
import { demoPersonas, localClientId } from '../../functions/src/local/demo-personas';
import { seedDemo } from '../../functions/src/local/demo-seed';
import { startLocalHost } from '../../functions/src/local/local-host';
import { createLocalIdp } from '../../functions/src/local/local-idp';
import {
  createAppServices,
  type AppServices,
} from '../../functions/src/services/create-case-service';
import { openBenchCase } from './bench-cases';
import { buildFunctions } from '../../scripts/build';
import type { LoadBatch, LoadResult } from './load-worker';
import { percentile, report, round, timed } from './stats';

const CLIENTS = 20;
/** Requests per client to warm up, then per client per measured round. */
const WARM_UP = 5;
const PER_ROUND = 5;
const ROUNDS = 4;

const mb = 1024 * 1024;

/** Heap in use after a full collection (`npm run bench` runs node with --expose-gc). */
function heapAfterGc(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/** CPU time (user + system) of this process between two readings, in ms. */
const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
  (to.user - from.user + to.system - from.system) / 1000;

/** Opens `count` Mid Essex cases as the course tutor (one per benchmark client). */
async function openCases(services: AppServices, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await openBenchCase(services, ['me-course-tutor']));
  return ids;
}

/** A route as the load worker sends it. */
type HttpCall = Pick<LoadBatch, 'method' | 'paths' | 'body'>;

/** The load worker process, forked once and kept warm for every batch. */
interface LoadWorker {
  /** Latencies of every request, and the load process's own CPU time for the batch. */
  run(batch: LoadBatch): Promise<{ samples: number[]; cpuMs: number }>;
  stop(): void;
}

function startLoadWorker(): LoadWorker {
  const child = fork(path.join(__dirname, 'load-worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run: (batch) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => {
          reject(new Error(`load worker exited ${String(code)}`));
        };
        child.once('exit', onExit);
        child.once('message', (result: LoadResult) => {
          child.off('exit', onExit);
          if (result.ok) resolve({ samples: result.samples, cpuMs: result.cpuMs });
          else reject(new Error(result.error));
        });
        child.send(batch);
      }),
    stop: () => child.kill(),
  };
}

async function load(
  clients: number,
  perClient: number,
  fn: (client: number, i: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i += 1) samples.push(await timed(() => fn(c, i)));
    }),
  );
  return samples;
}

/** Main routes under 20 concurrent clients through the local host vs the same service calls in-process; cold load of the bundle. */
export async function benchApi(connectionString: string): Promise<void> {
  const suffix = Date.now();
  const services = createAppServices(
    { connectionString },
    { tables: { cases: `apicases${suffix}`, providers: `apiproviders${suffix}` } },
  );
  await seedDemo(services);
  const env = {
    APP_ENV: 'local',
    LOCAL_IDP: 'on',
    AUTH_CLIENT_ID: localClientId,
    AZURE_TABLES_CONNECTION_STRING: connectionString,
    // 20 clients as one persona, hundreds of requests a second: far over R3's per-person limit.
    API_RATE_LIMIT: '1000000/10',
  };
  const idp = await createLocalIdp(loadConfig(env));
  const table = appRouteTable();
  const host = await startLocalHost({
    port: 0,
    routes: table.routes,
    localRoutes: idp.routes,
    log: silentLogger,
  });
  installRuntime(
    composeRuntime({
      config: loadConfig({ ...env, AUTH_JWKS_URL: `${host.url}/local-idp/keys` }),
      log: silentLogger,
      createServices: () => appWiring(services),
    }),
  );
  try {
    const persona = demoPersonas.find((p) => p.id === 'me-course-tutor')!;
    const who: Identity = { tid: persona.tid, oid: persona.oid, name: persona.name };
    const token = (await idp.issueToken(persona.id))!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Each client works on its own case, as 20 tutors would; contention on one case is C2's test.
    const caseIds = await openCases(services, CLIENTS);
    const caseId = caseIds[0]!;
    const routes: Record<
      string,
      { http: HttpCall; inProcess: (client: number) => Promise<unknown> }
    > = {
      'GET /api/cases?mine=true': {
        http: { method: 'GET', paths: ['/api/cases?mine=true'] },
        inProcess: () => services.cases.listMine(who, {}),
      },
      'GET /api/cases/{caseId}': {
        http: { method: 'GET', paths: [`/api/cases/${caseId}`] },
        inProcess: () => services.cases.getCase(who, caseId),
      },
      'POST /api/cases/{caseId}/comments': {
        http: {
          method: 'POST',
          paths: caseIds.map((id) => `/api/cases/${id}/comments`),
          body: JSON.stringify({ text: 'Benchmark note', visibility: 'staff' }),
        },
        inProcess: (client) =>
          services.cases.execute(
            who,
            caseIds[client]!,
            { type: 'addComment', text: 'Benchmark note', visibility: 'staff' },
            randomUUID(),
          ),
      },
    };
    const worker = startLoadWorker();
    try {
      for (const [route, calls] of Object.entries(routes)) {
        const batch = (perClient: number): LoadBatch => ({
          ...calls.http,
          origin: host.url,
          headers,
          clients: CLIENTS,
          perClient,
        });
        const inProcessBatch = (perClient: number) =>
          load(CLIENTS, perClient, async (client) => {
            await calls.inProcess(client);
          });
        // Warm both paths (JIT, connections, caches), then alternate rounds so drift on this
        // shared machine lands on both sides of the ratio.
        await worker.run(batch(WARM_UP));
        await inProcessBatch(WARM_UP);
        const heapBefore = heapAfterGc();
        const http: number[] = [];
        const inProcess: number[] = [];
        let httpCpu = 0;
        let clientCpu = 0;
        let inProcessCpu = 0;
        for (let round = 0; round < ROUNDS; round += 1) {
          const before = process.cpuUsage();
          const loaded = await worker.run(batch(PER_ROUND));
          http.push(...loaded.samples);
          clientCpu += loaded.cpuMs;
          const between = process.cpuUsage();
          inProcess.push(...(await inProcessBatch(PER_ROUND)));
          httpCpu += cpuMs(before, between);
          inProcessCpu += cpuMs(between, process.cpuUsage());
        }
        const p50 = percentile(http, 50);
        report({
          measure: 'route',
          route,
          clients: CLIENTS,
          requests: http.length,
          p50_ms: round(p50),
          p95_ms: round(percentile(http, 95)),
          in_process_p50_ms: round(percentile(inProcess, 50)),
          in_process_p95_ms: round(percentile(inProcess, 95)),
          ratio_p50: round(p50 / percentile(inProcess, 50)),
          target_ratio_p50: 1.5,
          server_cpu_ms_per_request: round(httpCpu / http.length),
          in_process_cpu_ms_per_call: round(inProcessCpu / inProcess.length),
          load_client_cpu_ms_per_request: round(clientCpu / http.length),
          // Retained by the server process over the measured rounds (after a full GC): a leak shows here.
          server_heap_growth_mb: round((heapAfterGc() - heapBefore) / mb),
        });
      }
    } finally {
      worker.stop();
    }
  } finally {
    await host.stop();
    uninstallRuntime();
  }
  await coldLoad();
}

// A complete production configuration (no secrets; nothing is called at load), so the entry point
// initialises fully instead of stopping at the configuration check.
const productionLikeEnv = {
  APP_ENV: 'production',
  AUTH_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
  BOT_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
  BOT_TENANT_ID: '11111111-1111-4111-8111-111111111111',
  AZURE_TABLES_ENDPOINT: 'https://example.table.core.windows.net',
};

/** Spawns node to load the built Functions entry point (outside the host it registers nothing). */
async function coldLoad(): Promise<void> {
  await buildFunctions();
  const entry = path.resolve(__dirname, '../../functions/dist/main.js');
  const runs: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    baseline.push(await timed(() => Promise.resolve(spawnSync(process.execPath, ['-e', '0']))));
    runs.push(
      await timed(() =>
        Promise.resolve(
          spawnSync(process.execPath, ['-e', `require(${JSON.stringify(entry)})`], {
            env: { ...process.env, ...productionLikeEnv },
          }),
        ),
      ),
    );
  }
  // Memory of the loaded entry point, after a full GC, against a bare node.
  const memoryOf = (script: string) => {
    const out = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '-e',
        `${script}; gc(); process.stdout.write(JSON.stringify(process.memoryUsage()))`,
      ],
      {
        env: { ...process.env, ...productionLikeEnv },
        encoding: 'utf8',
      },
    ).stdout;
    return JSON.parse(out.slice(out.lastIndexOf('{'))) as NodeJS.MemoryUsage;
  };
  const loaded = memoryOf(`require(${JSON.stringify(entry)})`);
  const bare = memoryOf('0');
  report({
    measure: 'cold-load',
    entry: 'functions/dist/main.js',
    bundle_bytes: statSync(entry).size,
    p50_ms: round(percentile(runs, 50)),
    node_baseline_p50_ms: round(percentile(baseline, 50)),
    target_ms: 300,
    rss_mb: round(loaded.rss / mb),
    heap_used_mb: round(loaded.heapUsed / mb),
    node_baseline_rss_mb: round(bare.rss / mb),
    node_baseline_heap_used_mb: round(bare.heapUsed / mb),
  });
}
