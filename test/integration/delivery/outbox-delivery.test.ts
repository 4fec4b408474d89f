import type { Meeting } from '@shared/domain/state';
import type { Logger } from '../../../functions/src/http/logger';
import { startQueuePoller } from '../../../functions/src/local/queue-poller';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { outboxDeliverQueue } from '../../../functions/src/functions/outbox-deliver-queue';
import {
  bfStage1WithEmails,
  deliveryRig,
  schedulePreliminary,
  type DeliveryRig,
} from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(60_000);

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const lead = who('bf-programme-lead');
const mail = (id: string) => demoEmail(demoPersonas.find((p) => p.id === id)!);
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '09:30:00.000Z';

let rig: DeliveryRig;
afterEach(async () => {
  await (rig as DeliveryRig | undefined)?.graph.stop();
});

/** Runs the queue handler's work (relay.deliverCase) for every message on the rig's queue. */
async function drainQueue(r: DeliveryRig): Promise<void> {
  const relay = r.services.relay!;
  const poller = startQueuePoller(
    {
      ...outboxDeliverQueue,
      queueName: r.queueName,
      handler: async (message) => {
        const { providerId, caseId } = message as { providerId: string; caseId: string };
        await relay.deliverCase(providerId, caseId);
      },
    },
    r.queue.client,
    r.poison,
    quiet,
    { pollMs: 50, retryDelaySeconds: 0 },
  );
  await poller.drain();
  await poller.stop();
}

async function meetings(r: DeliveryRig, caseId: string): Promise<readonly Meeting[]> {
  return must(await r.services.cases.getCase(lead, caseId)).stage?.meetings ?? [];
}

const organizerEvents = (r: DeliveryRig) =>
  r.graph.mailboxes.find(mail('bf-programme-lead'))!.calendar.filter((e) => e.role === 'organizer');

describe('outbox relay through Azure Queue Storage (Azurite) to the local Graph', () => {
  it('BF-05: scheduling from the service puts exactly one Teams meeting in the calendars, with the join link on the case', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    const peeked = await rig.queue.client.peekMessages({ numberOfMessages: 32 });
    expect(peeked.peekedMessageItems.length).toBeGreaterThanOrEqual(1);
    const decoded = JSON.parse(
      Buffer.from(peeked.peekedMessageItems.at(-1)!.messageText, 'base64').toString(),
    ) as unknown;
    expect(decoded).toEqual({ providerId: 'bright-futures-scitt', caseId });

    await drainQueue(rig);

    const events = organizerEvents(rig);
    expect(events).toHaveLength(1);
    const event = events[0]!.event;
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(event.subject).toBe('Support meeting: Tom');
    expect(event.start?.timeZone).toBe('Europe/London');
    expect(event.body?.contentType).toBe('text');
    expect(event.body?.content).toContain('Agree SMART targets and action steps');
    expect(event.attendees?.map((a) => a.emailAddress?.address).sort()).toEqual(
      [mail('bf-mentor'), mail('bf-professional-mentor'), mail('bf-trainee-1')].sort(),
    );
    for (const id of ['bf-mentor', 'bf-professional-mentor', 'bf-trainee-1'])
      expect(rig.graph.mailboxes.find(mail(id))!.calendar).toHaveLength(1);

    const [meeting] = await meetings(rig, caseId);
    expect(meeting?.invitation?.status).toBe('sent');
    expect(meeting?.invitation?.joinUrl).toBe(event.onlineMeeting?.joinUrl);
    const history = await rig.services.store.events('bright-futures-scitt', caseId);
    expect(history.filter((e) => e.type === 'MeetingInvitationSent')).toHaveLength(1);
    const notified = history.filter((e) => e.type === 'NotificationDelivered');
    expect(notified.length).toBeGreaterThanOrEqual(3);
    // Every effect settled: the pending index is empty, so a re-drive finds nothing.
    await expect(rig.services.relay!.redrive(0)).resolves.toEqual([]);
  });

  it('BF-05: cancelling sends exactly one cancellation to each attendee', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    await drainQueue(rig);
    const [meeting] = await meetings(rig, caseId);
    must(
      await rig.services.cases.execute(
        lead,
        caseId,
        { type: 'cancelMeeting', meetingId: meeting!.meetingId, reason: 'Trainee unwell' },
        cmd(),
      ),
    );
    await drainQueue(rig);
    await rig.services.relay!.deliverCase('bright-futures-scitt', caseId);
    const cancels = rig.graph.requests.filter(
      (r) => r.path.endsWith('/cancel') && r.status === 202,
    );
    expect(cancels).toHaveLength(1);
    const copy = rig.graph.mailboxes.find(mail('bf-mentor'))!.calendar[0]!;
    expect(copy.event.isCancelled).toBe(true);
    expect(copy.messages.filter((m) => m.startsWith('Canceled'))).toHaveLength(1);
    // The reason given in the case stays in the case: the attendees get neutral text.
    expect(JSON.stringify(rig.graph.requests)).not.toContain('unwell');
    expect((await meetings(rig, caseId))[0]?.invitation?.status).toBe('cancellation-sent');
  });

  it('a lost enqueue is delivered by the re-drive timer through the pending index', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    await rig.queue.client.clearMessages();
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    await rig.queue.client.clearMessages(); // the message is lost
    expect(organizerEvents(rig)).toHaveLength(0);
    // Not yet a minute old: the timer leaves it for the queue.
    await expect(rig.services.relay!.redrive(60_000)).resolves.toEqual([]);
    await expect(rig.services.relay!.redrive(0)).resolves.toContain(caseId);
    expect(organizerEvents(rig)).toHaveLength(1);
    expect((await meetings(rig, caseId))[0]?.invitation?.joinUrl).toMatch(/^https:\/\/teams/);
  });

  it('a crash between sending and recording does not double-book (transactionId)', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    const { deliverer } = rig;
    let crashes = 1;
    const crashing = {
      deliver: async (...args: Parameters<typeof deliverer.deliver>) => {
        const report = await deliverer.deliver(...args);
        if (args[2].kind === 'createMeeting' && crashes-- > 0) throw new Error('process died');
        return report;
      },
    };
    const { OutboxRelay } = await import('../../../functions/src/services/delivery/outbox-relay');
    const relay = new OutboxRelay({
      commands: rig.services.commands,
      store: rig.services.store,
      outbox: rig.services.outbox,
      providers: rig.services.providers,
      deliverer: crashing,
      clock: () => new Date(),
      leaseMs: 0,
    });
    await expect(relay.deliverCase('bright-futures-scitt', caseId)).rejects.toThrow('process died');
    await relay.deliverCase('bright-futures-scitt', caseId);
    const posts = rig.graph.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/events'),
    );
    expect(posts).toHaveLength(2);
    expect(organizerEvents(rig)).toHaveLength(1);
    const history = await rig.services.store.events('bright-futures-scitt', caseId);
    expect(history.filter((e) => e.type === 'MeetingInvitationSent')).toHaveLength(1);
  });

  it('a permanent refusal is recorded as failed, shown on the case, and the retry command delivers it', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    // The organiser's mailbox does not exist yet (Graph: 404 ErrorInvalidUser).
    const organizer = rig.graph.mailboxes.find(mail('bf-programme-lead'))!;
    const boxes = rig.graph.mailboxes.all() as unknown[];
    boxes.splice(boxes.indexOf(organizer), 1);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    await drainQueue(rig);
    const view = must(await rig.services.cases.getCase(lead, caseId));
    const failed = view.stage?.meetings[0]?.invitation;
    expect(failed?.status).toBe('failed');
    expect(failed?.failure).toContain('ErrorInvalidUser');
    expect(
      view.deliveryFailures?.some(
        (f) => f.kind === 'createMeeting' && f.reason.includes('ErrorInvalidUser'),
      ),
    ).toBe(true);
    const retry = view.available.find((a) => a.label === 'Retry the meeting invitation');
    expect(retry?.type).toBe('retryDelivery');

    rig.graph.mailboxes.add(organizer.user);
    must(
      await rig.services.cases.execute(
        lead,
        caseId,
        { type: 'retryDelivery', effectId: String(retry!.params.effectId) },
        cmd(),
      ),
    );
    await drainQueue(rig);
    const after = must(await rig.services.cases.getCase(lead, caseId));
    expect(after.stage?.meetings[0]?.invitation?.status).toBe('sent');
    expect(after.available.some((a) => a.label === 'Retry the meeting invitation')).toBe(false);
    expect(rig.graph.mailboxes.find(mail('bf-programme-lead'))!.calendar).toHaveLength(1);
  });

  it('429 waits for Retry-After before retrying', async () => {
    rig = await deliveryRig({ faults: { rate: 1, kinds: ['429'], retryAfterSeconds: 1 } });
    const caseId = await bfStage1WithEmails(rig);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    setTimeout(() => {
      rig.graph.setFaults({ rate: 0 });
    }, 1_500);
    const started = Date.now();
    await rig.services.relay!.deliverCase('bright-futures-scitt', caseId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const throttled = rig.graph.requests.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(organizerEvents(rig)).toHaveLength(1);
  });

  it('a message that keeps failing goes to <queue>-poison after 5 tries, not round and round', async () => {
    rig = await deliveryRig();
    await rig.queue.enqueue({ providerId: 'bright-futures-scitt', caseId: 'x' });
    let tries = 0;
    const poller = startQueuePoller(
      {
        ...outboxDeliverQueue,
        queueName: rig.queueName,
        handler: () => {
          tries += 1;
          return Promise.reject(new Error('always fails'));
        },
      },
      rig.queue.client,
      rig.poison,
      quiet,
      { pollMs: 20, retryDelaySeconds: 0 },
    );
    const deadline = Date.now() + 20_000;
    let poisoned = 0;
    while (Date.now() < deadline && poisoned === 0) {
      await new Promise((r) => setTimeout(r, 100));
      poisoned = (await rig.poison.peekMessages({ numberOfMessages: 5 })).peekedMessageItems.length;
    }
    await poller.stop();
    expect(tries).toBe(5);
    expect(poisoned).toBe(1);
    const left = await rig.queue.client.peekMessages({ numberOfMessages: 5 });
    expect(left.peekedMessageItems).toHaveLength(0);
  });
});
