/**
 * The local stand-in for the Functions host's queue trigger: polls a queue in Azurite, hands
 * each base64 JSON message to the handler, deletes it on success, makes it visible again after
 * a failure, and moves it to `<queue>-poison` once it has failed `maxDequeueCount` times (5, the
 * host's default), so a bad message is handled, not looped. Like the host, it fetches another
 * batch as soon as the messages in flight drop to `newBatchThreshold` (half the batch size),
 * rather than waiting for the whole batch; it sleeps `pollMs` only when the queue was empty.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { Logger } from '../http/logger';
import type { QueueDefinition } from '../http/route-types';
import { decodeMessage } from '../infrastructure/queues/outbox-queue';

type DequeuedMessage = DequeuedMessageItem;

export interface PollerOptions {
  /** Wait after an empty receive (default 100 ms; in Azure host.json caps it at 2 s). */
  readonly pollMs?: number;
  readonly maxDequeueCount?: number;
  /** Seconds a failed message stays invisible before the next try. */
  readonly retryDelaySeconds?: number;
  readonly batchSize?: number;
  /** In flight at or below this, the next batch is fetched (the host's default: batchSize / 2). */
  readonly newBatchThreshold?: number;
}

/** A running poller. */
export interface QueuePoller {
  /** Resolves once every message currently visible has been handled (tests). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function startQueuePoller(
  definition: QueueDefinition,
  queue: QueueClient,
  poison: QueueClient,
  log: Logger,
  options: PollerOptions = {},
): QueuePoller {
  const pollMs = options.pollMs ?? 100;
  const batchSize = options.batchSize ?? 16;
  const threshold = options.newBatchThreshold ?? Math.floor(batchSize / 2);
  const maxDequeueCount = options.maxDequeueCount ?? 5;
  const state: { running: boolean } = { running: true };
  const isRunning = (): boolean => state.running;
  let ready: Promise<unknown> | undefined;

  async function handle(item: DequeuedMessage): Promise<void> {
    try {
      await definition.handler(decodeMessage(item.messageText));
      await queue.deleteMessage(item.messageId, item.popReceipt);
    } catch (error) {
      log.warn(`Queue ${definition.queueName}: message failed`, {
        error,
        messageId: item.messageId,
      });
      if (item.dequeueCount >= maxDequeueCount) {
        await poison.sendMessage(item.messageText);
        await queue.deleteMessage(item.messageId, item.popReceipt);
        log.error(`Queue ${definition.queueName}: message moved to ${poison.name}`, {
          messageId: item.messageId,
        });
      } else {
        await queue.updateMessage(
          item.messageId,
          item.popReceipt,
          undefined,
          options.retryDelaySeconds ?? 1,
        );
      }
    }
  }

  async function receive(count: number): Promise<DequeuedMessage[]> {
    ready ??= Promise.all([queue.createIfNotExists(), poison.createIfNotExists()]);
    await ready;
    const { receivedMessageItems } = await queue.receiveMessages({
      numberOfMessages: count,
      visibilityTimeout: 300,
    });
    return receivedMessageItems;
  }

  /** One receive, its messages handled concurrently (drain). */
  async function once(): Promise<number> {
    const items = await receive(batchSize);
    await Promise.all(items.map(handle));
    return items.length;
  }

  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (isRunning()) {
      if (inFlight.size > threshold) {
        await Promise.race(inFlight);
        continue;
      }
      const items = await receive(batchSize).catch((error: unknown) => {
        log.warn(`Queue ${definition.queueName}: poll failed`, { error });
        return [];
      });
      for (const item of items) {
        const running: Promise<void> = handle(item)
          .catch((error: unknown) => {
            log.warn(`Queue ${definition.queueName}: message not settled`, { error });
          })
          .finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      if (items.length === 0 && isRunning()) await Promise.race([sleep(pollMs), ...inFlight]);
    }
    await Promise.all(inFlight);
  })();

  return {
    drain: async () => {
      while ((await once()) > 0);
    },
    stop: async () => {
      state.running = false;
      await loop;
    },
  };
}
