/**
 * `npm start`: the whole product on one machine. Builds the tab, starts Azurite (data in
 * .data/azurite), serves the route table, the tab and the local sign-in on 127.0.0.1, seeds the
 * demo providers once, and prints where everything is. Ctrl-C stops what it started.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { loadConfig } from '../functions/src/config/app-config';
import { assertSafeForProduction } from '../functions/src/config/assert-safe-for-production';
import { configSummary } from '../functions/src/config/config-summary';
import { loadStartOptions } from '../functions/src/config/start-options';
import { StartupError } from '../functions/src/config/startup-error';
import { appWiring } from '../functions/src/http/app-wiring';
import { composeRuntime } from '../functions/src/http/compose-runtime';
import { consoleLogger } from '../functions/src/http/logger';
import { appRouteTable } from '../functions/src/http/routes';
import { installRuntime } from '../functions/src/http/runtime';
import type { TableConnection } from '../functions/src/infrastructure/tables/table-clients';
import { createAppServices, type AppServices } from '../functions/src/services/create-case-service';
import { tableConnection } from '../functions/src/config/table-service';
import { demoPersonas, deploymentOperator } from '../functions/src/local/demo-personas';
import { localEnvironment } from '../functions/src/local/local-environment';
import { startLocalHost } from '../functions/src/local/local-host';
import { createLocalIdp } from '../functions/src/local/local-idp';
import { seedDemo } from '../functions/src/local/demo-seed';
import { seedOnce } from '../functions/src/local/seed-once';
import { buildTab } from './build';
import { demoEmail } from '../functions/src/local/graph/demo-graph-users';
import {
  startDemoGraph,
  startQueueTriggers,
} from '../functions/src/local/graph/start-local-delivery';
import { deliveryFromConfig } from '../functions/src/services/delivery/delivery-from-config';
import { PortInUseError, startAzurite } from './local/azurite';
import { startPlayground } from './local/playground';

const root = path.resolve(__dirname, '..');
const stoppers: (() => Promise<void>)[] = [];
let stopping = false;

/**
 * Nothing sits half up (issue 8 item 4): when a child `npm start` depends on ends on its own,
 * it says which one and how, stops the rest, and exits 1. (Its children end with it, too:
 * they watch their IPC channel, see scripts/local/exit-with-parent.cjs.)
 */
function supervise(what: string, pid: number, exited: Promise<string>): void {
  void exited.then(async (how) => {
    if (stopping) return;
    stopping = true;
    console.error(
      `${what} (pid ${String(pid)}) stopped unexpectedly (${how}); stopping everything.`,
    );
    await stopAll().catch((error: unknown) => {
      console.error(error);
    });
    process.exit(1);
  });
}

function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const busy = `Port ${port} on 127.0.0.1 (${what}) is already in use. Stop whatever holds it, or set ${variable} to another port.`;
      reject(error.code === 'EADDRINUSE' ? new StartupError(busy) : error);
    });
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () =>
      probe.close(() => {
        resolve();
      }),
    );
  });
}

async function seedDemoOnce(connection: TableConnection, services: AppServices): Promise<string> {
  try {
    const outcome = await seedOnce(connection, () => seedDemo(services));
    return outcome === 'seeded' ? 'demo providers seeded' : 'demo providers already seeded';
  } catch (error) {
    console.error(
      'Seeding the demo providers failed (it will be retried on the next start):',
      error,
    );
    return 'FAILED (see the error above)';
  }
}

async function stopAll(): Promise<void> {
  for (const stop of stoppers.reverse()) await stop();
}

function printBanner(
  url: string,
  seedStatus: string,
  playgroundUrl: string,
  graphUrl: string,
  azuritePid: number,
): void {
  const lines = [
    '',
    'Support plans is running on this machine (loopback only):',
    `  API         ${url}/api/health`,
    `  OpenAPI     ${url}/api/openapi.json`,
    `  Tab         ${url}/tab/`,
    `  Teams (bot) ${playgroundUrl}  (Agents Playground, signed in as the Mid Essex demo mentor)`,
    `  Local IdP   ${url}/local-idp/personas  (POST ${url}/local-idp/token {"persona": "<id>"})`,
    `  Graph       ${graphUrl}/  (local Graph: each persona's calendar, Teams feed and mail)`,
    `  Seed        ${seedStatus}`,
    `  Azurite     pid ${String(azuritePid)} (stops with npm start, even if npm start is killed)`,
    '',
    'Personas:',
    ...demoPersonas.map(
      (p) => `  ${p.id.padEnd(24)} ${p.name.padEnd(16)} ${p.title} (${p.providerId})`,
    ),
    `  ${deploymentOperator.id.padEnd(24)} ${deploymentOperator.name.padEnd(16)} Deployment operator (app role Deployment.Admin: adds providers and tenants)`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const options = loadStartOptions(process.env);
  await assertPortFree(options.port, 'local host', 'PORT');
  await assertPortFree(options.azuritePort, 'Azurite tables', 'AZURITE_TABLE_PORT');
  await assertPortFree(options.azuriteQueuePort, 'Azurite queues', 'AZURITE_QUEUE_PORT');
  await assertPortFree(options.graphPort, 'local Graph', 'GRAPH_PORT');
  await buildTab({ mode: 'local' });
  const location = options.azuriteDataDir ?? path.join(root, '.data/azurite');
  const azurite = await startAzurite({
    location,
    port: options.azuritePort,
    queuePort: options.azuriteQueuePort,
    detached: true,
  });
  stoppers.push(() => azurite.stop());
  const graph = await startDemoGraph(options.graphPort);
  stoppers.push(() => graph.stop());
  const sender = demoPersonas.find((p) => p.id === 'me-course-tutor');
  const config = loadConfig(
    localEnvironment(options.port, azurite.connectionString, {
      ...(azurite.queue === undefined
        ? {}
        : { queueConnectionString: azurite.queue.connectionString }),
      graphUrl: graph.url,
      ...(sender === undefined
        ? {}
        : { mailSender: { userId: demoEmail(sender), tenantId: sender.tid } }),
    }),
  );
  supervise('Azurite', azurite.pid, azurite.exited);
  assertSafeForProduction(config);
  consoleLogger.info(`Config: ${configSummary(config)}`);
  const idp = await createLocalIdp(config);
  const connection = tableConnection(config.tables);
  const services = createAppServices(connection, {
    delivery: deliveryFromConfig(config, consoleLogger, connection),
  });
  installRuntime(
    composeRuntime({ config, log: consoleLogger, createServices: () => appWiring(services) }),
  );
  const table = appRouteTable();
  const host = await startLocalHost({
    port: options.port,
    routes: table.routes,
    timers: table.timers,
    localRoutes: idp.routes,
    tabDir: path.join(root, 'addin/dist'),
    log: consoleLogger,
  });
  stoppers.push(() => host.stop());
  stoppers.push(startQueueTriggers(config, table.queues ?? [], consoleLogger));

  const seedStatus = await seedDemoOnce(connection, services);
  // The Agents Playground is the local Teams client for the bot (statsbeat and telemetry off).
  const playground = await startPlayground({ botEndpoint: `${host.url}/api/messages` });
  stoppers.push(() => playground.stop());
  supervise('The Agents Playground', playground.pid, playground.exited);
  printBanner(host.url, seedStatus, playground.url, graph.url, azurite.pid);
}

function shutdown(signal: string): void {
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  stopAll().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

process.once('SIGINT', () => {
  shutdown('SIGINT');
});
process.once('SIGTERM', () => {
  shutdown('SIGTERM');
});
main().catch(async (error: unknown) => {
  const known = error instanceof StartupError || error instanceof PortInUseError;
  stopping = true;
  console.error(known ? error.message : error);
  await stopAll();
  process.exit(1);
});
