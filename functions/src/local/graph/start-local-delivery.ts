/**
 * The local delivery path of `npm start`: the local Graph on 127.0.0.1 with a mailbox per demo
 * persona, and the queue triggers polled in Azurite, exactly as the Functions host would run them.
 */
import type { AppConfig } from '../../config/app-config';
import type { Logger } from '../../http/logger';
import type { QueueDefinition } from '../../http/route-types';
import { openQueue } from '../../infrastructure/queues/outbox-queue';
import { declaredActivityTypes } from '../../services/delivery/activity-types';
import { queueConnection } from '../../services/delivery/delivery-from-config';
import { startQueuePoller } from '../queue-poller';
import { demoGraphApp, demoGraphUsers } from './demo-graph-users';
import { startLocalGraph, type LocalGraph } from './local-graph';

/** Starts the local Graph (a fixed port, so the configuration can name it before it starts). */
export function startDemoGraph(port: number): Promise<LocalGraph> {
  return startLocalGraph({
    port,
    apps: [demoGraphApp()],
    users: demoGraphUsers(),
    activityTypes: [...declaredActivityTypes],
  });
}

/** Polls every queue trigger's queue in Azurite; resolves to a function that stops them all. */
export function startQueueTriggers(
  config: AppConfig,
  queues: readonly QueueDefinition[],
  log: Logger,
): () => Promise<void> {
  const queuesConfig = config.queues;
  if (queuesConfig === undefined) return () => Promise.resolve();
  const connection = queueConnection(queuesConfig);
  const pollers = queues.map((definition) => {
    const name = queuesConfig.outboxQueue;
    return startQueuePoller(
      { ...definition, queueName: name },
      openQueue(connection, name),
      openQueue(connection, `${name}-poison`),
      log,
    );
  });
  return async () => {
    for (const poller of pollers) await poller.stop();
  };
}
