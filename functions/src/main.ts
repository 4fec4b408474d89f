/**
 * The Azure Functions entry point (bundled to functions/dist/main.js): reads the configuration
 * once, refuses an unsafe production start, installs the runtime and registers the route table.
 */
import { app } from '@azure/functions';
import { loadConfig } from './config/app-config';
import { assertSafeForProduction } from './config/assert-safe-for-production';
import { configSummary } from './config/config-summary';
import { createAppWiring } from './http/app-wiring';
import { azureHttpHandler } from './http/azure-adapter';
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

const table = appRouteTable();
for (const route of table.routes) {
  app.http(route.name, {
    methods: [...route.methods],
    route: route.route,
    authLevel: 'anonymous',
    handler: azureHttpHandler(route),
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
