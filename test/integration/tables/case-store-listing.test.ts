import type { TransactionAction } from '@azure/data-tables';
import { snapshotEntity } from '../../../functions/src/infrastructure/tables/snapshot-row';
import { submitGuarded } from '../../../functions/src/infrastructure/tables/transaction-guard';
import { command, openStore, uniqueTableName } from './table-fixture';

const { store, table, counter } = openStore(uniqueTableName());
const provider = 'prov-list';

function snapshotCreate(providerId: string, index: number): TransactionAction {
  const caseId = `case-${String(index).padStart(5, '0')}`;
  const entity = snapshotEntity({
    providerId,
    caseId,
    state: { index },
    summary: { index, status: index % 2 === 0 ? 'open' : 'closed' },
    seq: 0,
    lastHash: '',
    recentCommands: [],
  });
  return ['create', entity];
}

/** `count` snapshot rows in `providerId`, written 100 per entity-group transaction. */
async function seed(providerId: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const batch: TransactionAction[] = [];
    for (let i = start; i < Math.min(start + 100, count); i += 1) {
      batch.push(snapshotCreate(providerId, i));
    }
    await submitGuarded(table.client, batch);
  }
}

beforeAll(async () => {
  await table.ready();
  await seed(provider, 1_100);
  await seed('prov-other', 50);
  await store.commit(command(provider, 'case-with-events', undefined, { x: 1 }));
}, 60_000);

afterAll(async () => {
  await table.client.deleteTable();
});

test('C6: listSnapshots follows continuation past the 1,000-row page and sees every snapshot', async () => {
  counter.reset();
  const caseIds = new Set<string>();
  for await (const snapshot of store.listSnapshots(provider)) caseIds.add(snapshot.caseId);
  expect(caseIds.size).toBe(1_101);
  expect(caseIds.has('case-01099')).toBe(true);
  expect(caseIds.has('case-with-events')).toBe(true);
  expect(counter.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
});

test('C6: listed snapshots carry their summary columns; other partitions and row kinds stay out', async () => {
  const listed = [];
  for await (const snapshot of store.listSnapshots('prov-other')) listed.push(snapshot);
  expect(listed).toHaveLength(50);
  expect(listed[7]).toMatchObject({
    providerId: 'prov-other',
    caseId: 'case-00007',
    state: { index: 7 },
    summary: { index: 7, status: 'closed' },
  });
});
