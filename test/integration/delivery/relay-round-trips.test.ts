import type { Effect } from '@shared/domain/effects';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import { OutboxRelay } from '../../../functions/src/services/delivery/outbox-relay';
import {
  bfStage1WithEmails,
  deliveryRig,
  schedulePreliminary,
  type DeliveryRig,
} from '../../support/graph-fixture';
import { must } from '../../support/service-fixture';

jest.setTimeout(60_000);

const provider = 'bright-futures-scitt';
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '09:30:00.000Z';

let rig: DeliveryRig | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  rig = undefined;
});

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

describe('the relay records a delivery and settles its effect in one transaction', () => {
  it('one message: one pending query, one snapshot read, a claim and one transaction per effect sent, one update per card refresh, one index delete', async () => {
    const r = (rig = await deliveryRig());
    const caseId = await bfStage1WithEmails(r);
    await r.services.relay!.deliverCase(provider, caseId);
    must(await schedulePreliminary(r, caseId, inAWeek()));
    const pending = await r.services.outbox.pending(provider, caseId, new Date(), 60_000);
    const kinds = pending.map((p) => p.effect.kind);
    expect(kinds).toContain('createMeeting');
    expect(kinds).toContain('notify');
    r.services.counter.reset();
    await r.services.relay!.deliverCase(provider, caseId);
    const perEffect = (kind: Effect['kind']) => (kind === 'refreshCaseCard' ? 1 : 2);
    const expected = 2 + kinds.reduce((n, k) => n + perEffect(k), 0) + 1;
    const tableRequests = r.services.counter.requests.filter((q) => !q.url.includes('/Tables'));
    expect(tableRequests).toHaveLength(expected);
    // Nothing left pending, and every row says how it ended.
    const rows = await outboxRows(r, caseId);
    expect(rows.every((row) => ['delivered', 'skipped'].includes(row.status))).toBe(true);
    await expect(r.services.relay!.redrive(0)).resolves.toEqual([]);
  });

  it('a claim taken over while Graph was answering: the delivery is still recorded once, and not sent again', async () => {
    const r = (rig = await deliveryRig());
    const caseId = await bfStage1WithEmails(r);
    await r.services.relay!.deliverCase(provider, caseId);
    must(await schedulePreliminary(r, caseId, inAWeek()));
    const { deliverer } = r;
    const { outbox } = r.services;
    let stolen = false;
    // While the meeting is being created, another relay (its lease expired) claims the row.
    const thief = {
      sendsNothing: (effect: Effect) => deliverer.sendsNothing(effect),
      deliver: async (...args: Parameters<typeof deliverer.deliver>) => {
        const report = await deliverer.deliver(...args);
        if (args[2].kind === 'createMeeting' && !stolen) {
          const row = (await outbox.pending(provider, caseId, new Date(Date.now() + 1e9), 0)).find(
            (p) => p.effect.kind === 'createMeeting',
          )!;
          expect(await outbox.claim(provider, row, new Date())).not.toBeNull();
          stolen = true;
        }
        return report;
      },
    };
    const relay = new OutboxRelay({
      commands: r.services.commands,
      store: r.services.store,
      outbox: r.services.outbox,
      providers: r.services.providers,
      deliverer: thief,
      clock: () => new Date(),
      leaseMs: 60_000,
    });
    await relay.deliverCase(provider, caseId);
    expect(stolen).toBe(true);
    const history = await r.services.store.events(provider, caseId);
    expect(history.filter((e) => e.type === 'MeetingInvitationSent')).toHaveLength(1);
    // The thief's relay, once its lease runs out, finds the delivery recorded and sends nothing.
    const later = new OutboxRelay({
      commands: r.services.commands,
      store: r.services.store,
      outbox: r.services.outbox,
      providers: r.services.providers,
      deliverer,
      clock: () => new Date(Date.now() + 120_000),
      leaseMs: 60_000,
    });
    await later.deliverCase(provider, caseId);
    const posts = r.graph.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/events'));
    expect(posts).toHaveLength(1);
    const after = await r.services.store.events(provider, caseId);
    expect(after.filter((e) => e.type === 'MeetingInvitationSent')).toHaveLength(1);
    expect((await outboxRows(r, caseId)).every((row) => row.status !== 'sending')).toBe(true);
  });
});
