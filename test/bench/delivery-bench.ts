/**
 * Commit-to-Graph latency through the queue path: 20 concurrent "schedule a meeting" commands,
 * each measured from the command's return (committed and enqueued) to its event existing in the
 * organiser's calendar in the local Graph, with the local queue trigger polling Azurite.
 * Beside it, in the same run, the bare cost of one enqueue + receive + delete on the same queue.
 */
import { outboxDeliverQueue } from '../../functions/src/functions/outbox-deliver-queue';
import { startQueuePoller } from '../../functions/src/local/queue-poller';
import { bfStage1WithEmails, deliveryRig, schedulePreliminary } from '../support/graph-fixture';
import { percentile, report, round, timed } from './stats';

const CONCURRENT = 20;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function benchDelivery(): Promise<void> {
  const rig = await deliveryRig();
  const relay = rig.services.relay;
  if (relay === undefined) throw new Error('no relay');
  try {
    const cases: string[] = [];
    for (let i = 0; i < CONCURRENT; i += 1) cases.push(await bfStage1WithEmails(rig));
    await rig.queue.client.clearMessages();
    rig.services.counter.reset();
    const poller = startQueuePoller(
      {
        ...outboxDeliverQueue,
        queueName: rig.queueName,
        handler: async (message) => {
          const { providerId, caseId } = message as { providerId: string; caseId: string };
          await relay.deliverCase(providerId, caseId);
        },
      },
      rig.queue.client,
      rig.poison,
      quiet,
      { pollMs: 20 },
    );
    const organizer = rig.graph.mailboxes.find('priya.shah@provider.example');
    if (organizer === undefined) throw new Error('no organiser mailbox');
    const start =
      new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '09:00:00.000Z';
    const latencies = await Promise.all(
      cases.map(async (caseId) => {
        const scheduled = await schedulePreliminary(rig, caseId, start);
        if (!scheduled.ok) throw new Error(scheduled.refusal.message);
        const meetingId = scheduled.value.view?.stage?.meetings[0]?.meetingId ?? '';
        const committed = Date.now();
        const tx = `support-meeting-${meetingId}`;
        while (!organizer.calendar.some((e) => e.event.transactionId === tx))
          await new Promise((resolve) => setTimeout(resolve, 5));
        return Date.now() - committed;
      }),
    );
    await poller.stop();
    // Every table request of the run: the 20 commands' own (a read and a transaction each) and
    // the relay's for each case's whole backlog (setup commands' effects too, see the note).
    const relayTableRequests = rig.services.counter.count() - 2 * CONCURRENT;
    const bare: number[] = [];
    for (let i = 0; i < CONCURRENT; i += 1)
      bare.push(
        await timed(async () => {
          await rig.queue.enqueue({ providerId: 'bench', caseId: `c${String(i)}` });
          const got = await rig.queue.client.receiveMessages({ numberOfMessages: 1 });
          const item = got.receivedMessageItems[0];
          if (item !== undefined)
            await rig.queue.client.deleteMessage(item.messageId, item.popReceipt);
        }),
      );
    report({
      measure: 'commit-to-graph latency through the outbox queue (20 concurrent schedule commands)',
      commands: CONCURRENT,
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      bareQueueRoundTripP50Ms: round(percentile(bare, 50)),
      graphRequests: rig.graph.requests.length,
      relayTableRequestsPerCase: round(relayTableRequests / CONCURRENT),
      note: "latency includes the poll interval (20 ms) and delivering each case's backlog in order: the open, concern and stage-start notifications (4 effects) before the meeting",
    });
  } finally {
    await rig.graph.stop();
  }
}
