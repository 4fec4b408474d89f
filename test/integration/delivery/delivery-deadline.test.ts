/**
 * The delivery deadline below the lease (issue 9, ADR 0017), on Azurite and the local Graph: a
 * delivery never outlives its claim, so no second relay sends it again. What the deadline
 * stopped is left pending, and delivered once afterwards. And a refusal part-way through a
 * notification fails only its recipient, keeping the record of what already went out.
 */
import type { StoredEvent } from '../../../functions/src/infrastructure/tables/case-store-port';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import type { Effect } from '@shared/domain/effects';
import { Deadline } from '../../../functions/src/infrastructure/graph/deadline';
import { OutboxRelay } from '../../../functions/src/services/delivery/outbox-relay';
import { UnfinishedDelivery } from '../../../functions/src/services/delivery/unfinished-delivery';
import { readState } from '../../../functions/src/services/stored-state';
import {
  bfStage1WithEmails,
  deliveryRig,
  schedulePreliminary,
  type DeliveryRig,
} from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(90_000);

const provider = 'bright-futures-scitt';
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '09:30:00.000Z';
const people = ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor', 'bf-trainee-1'];
const mail = (id: string) => demoEmail(demoPersonas.find((p) => p.id === id)!);

let rig: DeliveryRig | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  rig = undefined;
});

/** A relay with a 5 s lease and a 1 s margin: each delivery has 4 s. */
function shortLeaseRelay(r: DeliveryRig): OutboxRelay {
  return new OutboxRelay({
    commands: r.services.commands,
    store: r.services.store,
    outbox: r.services.outbox,
    providers: r.services.providers,
    deliverer: r.deliverer,
    clock: () => new Date(),
    leaseMs: 5_000,
    deadlineMarginMs: 1_000,
  });
}

async function outboxRows(r: DeliveryRig, caseId: string) {
  const rows: { rowKey: string; status: string; kind: string }[] = [];
  const filter = `PartitionKey eq '${provider}' and RowKey ge 'o|${caseId}|' and RowKey lt 'o|${caseId}}'`;
  const table = openTable(
    { connectionString: process.env.AZURE_TABLES_CONNECTION_STRING ?? '' },
    r.services.tables.cases,
  );
  for await (const row of table.client.listEntities({ queryOptions: { filter } }))
    rows.push({ rowKey: row.rowKey ?? '', status: String(row.status), kind: String(row.kind) });
  return rows;
}

const history = (r: DeliveryRig, caseId: string): Promise<StoredEvent[]> =>
  r.services.store.events(provider, caseId);
const ofType = (events: StoredEvent[], type: string) => events.filter((e) => e.type === type);
const organizerEvents = (r: DeliveryRig) =>
  r.graph.mailboxes.find(mail('bf-programme-lead'))!.calendar.filter((e) => e.role === 'organizer');
const feedOf = (r: DeliveryRig, id: string) => r.graph.mailboxes.find(mail(id))!.feed;

/** Each person's feed holds exactly `n` items, and each was recorded once on the case. */
async function deliveredOnce(r: DeliveryRig, caseId: string, n: number) {
  for (const id of people) expect(feedOf(r, id)).toHaveLength(n);
  const delivered = ofType(await history(r, caseId), 'NotificationDelivered').map((e) => {
    const d = e.data as { template: string; recipient: string };
    return `${d.template}|${d.recipient}`;
  });
  expect(delivered).toHaveLength(people.length * n);
  expect(new Set(delivered).size).toBe(delivered.length);
}

describe('a delivery deadline below the lease: nothing is sent after it, what it stopped is delivered once later', () => {
  it('a Retry-After longer than the time left is not waited for: the meeting is given back unsent, and the re-drive books it once', async () => {
    const r = (rig = await deliveryRig());
    const caseId = await bfStage1WithEmails(r);
    await r.services.relay!.deliverCase(provider, caseId);
    must(await schedulePreliminary(r, caseId, inAWeek()));
    r.graph.setFaults({ rate: 1, kinds: ['429'], retryAfterSeconds: 30 });

    const started = Date.now();
    const first = await shortLeaseRelay(r).deliverCase(provider, caseId);
    expect(Date.now() - started).toBeLessThan(10_000); // not the 30 s Retry-After
    expect(first).toEqual({ delivered: 0, failed: 0, skipped: 0 });
    // One request, answered 429; its Retry-After would end past the deadline, so no retry.
    const posts = r.graph.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/events'));
    expect(posts.map((q) => q.status)).toEqual([429]);
    // Released, not failed and not left claimed; the meeting's notification waits behind it.
    const rows = await outboxRows(r, caseId);
    expect(rows.filter((row) => row.kind === 'createMeeting').map((row) => row.status)).toEqual([
      'pending',
    ]);
    expect(rows.filter((row) => row.status === 'sending')).toEqual([]);
    const events = await history(r, caseId);
    expect(ofType(events, 'EffectFailed')).toEqual([]);
    expect(ofType(events, 'MeetingInvitationSent')).toEqual([]);

    r.graph.setFaults({ rate: 0 });
    await r.services.relay!.redrive(0);
    expect(organizerEvents(r)).toHaveLength(1);
    expect(ofType(await history(r, caseId), 'MeetingInvitationSent')).toHaveLength(1);
    await deliveredOnce(r, caseId, 2);
    expect((await outboxRows(r, caseId)).filter((row) => row.status === 'pending')).toEqual([]);
  });

  it('throttled inside a $batch until the deadline: the notification is given back, nobody gets it twice', async () => {
    const r = (rig = await deliveryRig({
      faults: { rate: 1, kinds: ['429'], retryAfterSeconds: 30 },
    }));
    const caseId = await bfStage1WithEmails(r);
    const first = await shortLeaseRelay(r).deliverCase(provider, caseId);
    expect(first.delivered + first.failed).toBe(0);
    for (const id of people) expect(feedOf(r, id)).toHaveLength(0);
    const notify = (await outboxRows(r, caseId)).filter((row) => row.kind === 'notify');
    expect(notify.map((row) => row.status)).toEqual(['pending']);
    expect(ofType(await history(r, caseId), 'EffectFailed')).toEqual([]);

    r.graph.setFaults({ rate: 0 });
    await r.services.relay!.redrive(0);
    await deliveredOnce(r, caseId, 1);
  });

  it('a request in flight is aborted at the deadline, and none is started after it', async () => {
    const r = (rig = await deliveryRig({ retry: { timeoutMs: 30_000 } }));
    const caseId = await bfStage1WithEmails(r);
    await r.services.relay!.deliverCase(provider, caseId);
    must(await schedulePreliminary(r, caseId, inAWeek()));
    r.graph.setFaults({ rate: 1, kinds: ['timeout'], hangMs: 60_000 });

    const started = Date.now();
    await shortLeaseRelay(r).deliverCase(provider, caseId);
    expect(Date.now() - started).toBeLessThan(20_000); // the deadline (4 s), not the 30 s timeout
    const posts = r.graph.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/events'));
    expect(posts.map((q) => q.status)).toEqual(['timeout']);
    const rows = await outboxRows(r, caseId);
    expect(rows.filter((row) => row.kind === 'createMeeting').map((row) => row.status)).toEqual([
      'pending',
    ]);

    r.graph.setFaults({ rate: 0 });
    await r.services.relay!.redrive(0);
    expect(organizerEvents(r)).toHaveLength(1);
    await deliveredOnce(r, caseId, 2);
  });

  it('stopped part-way (fake clock): the part sent is recorded, the rest carried over and sent once by the re-drive', async () => {
    let now = Date.now();
    let jump = false;
    const r = (rig = await deliveryRig({
      clock: () => new Date(now),
      // After the first tenant's $batch, the clock passes the deadline (lease 60 s, margin 12 s)
      // but not the lease.
      afterGraphCall: (path) => {
        if (jump && path === '/$batch') {
          jump = false;
          now += 50_000;
        }
      },
    }));
    const caseId = await bfStage1WithEmails(r);
    jump = true;
    const first = await r.services.relay!.deliverCase(provider, caseId);
    expect(first.delivered).toBe(1);
    const fed = people.filter((id) => feedOf(r, id).length === 1);
    expect(fed.length).toBeGreaterThan(0);
    expect(fed.length).toBeLessThan(people.length);
    expect(ofType(await history(r, caseId), 'NotificationDelivered')).toHaveLength(fed.length);
    // The rest is a new pending notify effect, written with the record; the original is settled.
    const rows = await outboxRows(r, caseId);
    const notify = rows.filter((row) => row.kind === 'notify');
    expect(notify.map((row) => row.status)).toEqual(['delivered', 'pending']);
    expect(rows.filter((row) => row.status === 'sending')).toEqual([]);

    now += 60_000;
    await r.services.relay!.redrive(0);
    await deliveredOnce(r, caseId, 1);
    expect(ofType(await history(r, caseId), 'EffectFailed')).toEqual([]);
  });

  it("the sweep's batched path takes a deadline too: what it did not send is handed back as unfinished", async () => {
    const r = (rig = await deliveryRig({
      faults: { rate: 1, kinds: ['429'], retryAfterSeconds: 30 },
    }));
    const caseId = await bfStage1WithEmails(r);
    const ctx = (await r.services.providers.get(provider))!;
    const stored = (await r.services.store.load(provider, caseId))!;
    const state = readState(stored.state, caseId);
    const pending = await r.services.outbox.pending(provider, caseId, new Date(), 60_000);
    const effect = pending.find((p) => p.effect.kind === 'notify')!.effect as Extract<
      Effect,
      { kind: 'notify' }
    >;
    const entries = [{ provider: ctx, state, effect }];

    // Already past: nothing is sent at all.
    const before = r.graph.requests.length;
    const [late] = await r.deliverer.notifyMany(entries, Deadline.in(0));
    expect(r.graph.requests.length).toBe(before);
    expect(late).toBeInstanceOf(UnfinishedDelivery);
    expect(late).toMatchObject({ done: null, rest: effect });

    // Throttled with 3 s left: one round, one 2 s wait, then the next wait would pass the deadline.
    const [throttled] = await r.deliverer.notifyMany(entries, Deadline.in(3_000));
    expect(throttled).toMatchObject({ done: null, rest: { recipients: effect.recipients } });
    for (const id of people) expect(feedOf(r, id)).toHaveLength(0);

    // Healthy: an ordinary report.
    r.graph.setFaults({ rate: 0 });
    const [sent] = await r.deliverer.notifyMany(entries, Deadline.in(30_000));
    expect(sent).toMatchObject({ kind: 'notified', failed: null });
    for (const id of people) expect(feedOf(r, id)).toHaveLength(1);
  });
});

describe('a refusal part-way through a notification', () => {
  it('a refusal part-way (the mail fallback) keeps what already went out: only the refused recipient is failed, and a retry sends to nobody twice', async () => {
    const r = (rig = await deliveryRig());
    // Liam (bf-trainee-3) has no app installed: his notification falls back to mail, which the
    // provider's mailbox (the director's) cannot send: it does not exist yet (404).
    const caseId = await bfStage1WithEmails(r, 'bf-trainee-3');
    const sender = r.graph.mailboxes.find(mail('bf-director'))!;
    const boxes = r.graph.mailboxes.all() as unknown[];
    boxes.splice(boxes.indexOf(sender), 1);
    await r.services.relay!.deliverCase(provider, caseId);
    const others = ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor'];
    for (const id of others) expect(feedOf(r, id)).toHaveLength(1);
    const events = await history(r, caseId);
    expect(ofType(events, 'NotificationDelivered')).toHaveLength(others.length);
    const failed = ofType(events, 'EffectFailed').map(
      (e) => e.data as { effect: { recipients: string[] }; reason: string },
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.effect.recipients).toHaveLength(1);
    expect(failed[0]!.reason).toContain('404');

    r.graph.mailboxes.add(sender.user);
    const lead = who('bf-programme-lead');
    const view = must(await r.services.cases.getCase(lead, caseId));
    const retry = view.available.find((a) => a.type === 'retryDelivery')!;
    must(
      await r.services.cases.execute(
        lead,
        caseId,
        { type: 'retryDelivery', effectId: String(retry.params.effectId) },
        cmd(),
      ),
    );
    await r.services.relay!.redrive(0);
    for (const id of others) expect(feedOf(r, id)).toHaveLength(1);
    expect(r.graph.mailboxes.find(mail('bf-director'))!.sent).toHaveLength(1);
    expect(r.graph.mailboxes.find(mail('bf-trainee-3'))!.inbox).toHaveLength(1);
    expect(ofType(await history(r, caseId), 'NotificationDelivered')).toHaveLength(4);
  });
});
