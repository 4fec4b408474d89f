/**
 * The Azure Functions entry point (bundled to functions/dist/main.js): reads the configuration
 * once, refuses an unsafe production start, installs the runtime and registers the route table
 * (under `api/`) and the tab (under `tab/`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from '@azure/functions';
import { loadConfig } from './config/app-config';
import { assertSafeForProduction } from './config/assert-safe-for-production';
import { configSummary } from './config/config-summary';
import { createAppWiring } from './http/app-wiring';
import { httpRegistrations } from './http/azure-registrations';
import { composeRuntime } from './http/compose-runtime';
import { consoleLogger } from './http/logger';
import { appRouteTable } from './http/routes';
import { installRuntime } from './http/runtime';
import { timerOptions } from './http/timer-options';

const config = loadConfig(process.env);
assertSafeForProduction(config);
consoleLogger.info(`Starting: ${configSummary(config)}`);
installRuntime(
  composeRuntime({
    config,
    log: consoleLogger,
    createServices: createAppWiring,
  }),
);

// The production build puts the tab beside this bundle (dist/tab, ADR 0014).
const tabDir = path.join(__dirname, 'tab');
if (!existsSync(path.join(tabDir, 'index.html')))
  consoleLogger.warn('The tab is not in this package (dist/tab): /tab/ answers 404');

const table = appRouteTable();
for (const registration of httpRegistrations(table, tabDir)) {
  app.http(registration.name, {
    methods: registration.methods,
    route: registration.route,
    authLevel: 'anonymous',
    handler: registration.handler,
  });
}
for (const timer of table.timers) {
  app.timer(timer.name, timerOptions(timer));
}
for (const queue of table.queues ?? []) {
  app.storageQueue(queue.name, {
    queueName: config.queues?.outboxQueue ?? queue.queueName,
    connection: queue.connection,
    handler: (message) => queue.handler(message),
  });
}
