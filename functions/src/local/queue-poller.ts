/**
 * The local stand-in for the Functions host's queue trigger: polls a queue in Azurite, hands
 * each base64 JSON message to the handler, deletes it on success, makes it visible again after
 * a failure, and moves it to `<queue>-poison` once it has failed `maxDequeueCount` times (5, the
 * host's default), so a bad message is handled, not looped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueueClient } from '@azure/storage-queue';
import type { Logger } from '../http/logger';
import type { QueueDefinition } from '../http/route-types';
import { decodeMessage } from '../infrastructure/queues/outbox-queue';

export interface PollerOptions {
  readonly pollMs?: number;
  readonly maxDequeueCount?: number;
  /** Seconds a failed message stays invisible before the next try. */
  readonly retryDelaySeconds?: number;
  readonly batchSize?: number;
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
  const pollMs = options.pollMs ?? 500;
  const maxDequeueCount = options.maxDequeueCount ?? 5;
  const state: { running: boolean } = { running: true };
  const isRunning = (): boolean => state.running;
  let ready: Promise<unknown> | undefined;

  async function once(): Promise<number> {
    ready ??= Promise.all([queue.createIfNotExists(), poison.createIfNotExists()]);
    await ready;
    const { receivedMessageItems: items } = await queue.receiveMessages({
      numberOfMessages: options.batchSize ?? 16,
      visibilityTimeout: 300,
    });
    // Like the Functions host (batchSize 16), the messages of one receive are handled concurrently.
    await Promise.all(
      items.map(async (item) => {
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
      }),
    );
    return items.length;
  }

  const loop = (async () => {
    while (isRunning()) {
      const handled = await once().catch((error: unknown) => {
        log.warn(`Queue ${definition.queueName}: poll failed`, { error });
        return 0;
      });
      if (handled === 0 && isRunning()) await sleep(pollMs);
    }
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
