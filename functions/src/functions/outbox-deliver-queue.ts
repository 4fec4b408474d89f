import type { QueueDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';
import { outboxMessageSchema } from '../infrastructure/queues/outbox-queue';

/** The outbox queue's name in storage (OUTBOX_QUEUE_NAME overrides it in the configuration). */
export const outboxQueueName = 'outbox';

/**
 * Queue trigger: delivers the pending effects of the case a commit named. A malformed message
 * is logged and dropped (retrying it cannot help); a failure throws so the host retries, and
 * after 5 tries moves the message to `outbox-poison`.
 */
export const outboxDeliverQueue: QueueDefinition = {
  name: 'outbox-deliver',
  queueName: outboxQueueName,
  connection: 'OUTBOX_QUEUE',
  handler: async (message) => {
    const { relay, log } = runtime();
    const parsed = outboxMessageSchema.safeParse(message);
    if (!parsed.success) {
      log.warn('Outbox message dropped: not {providerId, caseId}');
      return;
    }
    if (relay === undefined) return;
    const { providerId, caseId } = parsed.data;
    const result = await relay.deliverCase(providerId, caseId);
    log.info('Outbox delivered', { providerId, caseId, ...result });
  },
};
