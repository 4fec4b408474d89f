import type { StoredCase } from '../../../functions/src/infrastructure/tables/case-store-port';
import { verifyChain } from '../../../functions/src/infrastructure/tables/hash-chain';
import { eventRowKey } from '../../../functions/src/infrastructure/tables/row-keys';
import { command, event, openStore, uniqueTableName } from './table-fixture';

const { store, table } = openStore(uniqueTableName());
const provider = 'prov-chain';

/** Three commands of two events each: seqs 1..6. */
async function seedCase(caseId: string): Promise<StoredCase> {
  let loaded: StoredCase | undefined;
  for (let round = 1; round <= 3; round += 1) {
    const events = [event(`Did${round}`, { round, note: 'é😀' }), event(`Saw${round}`)];
    await store.commit(command(provider, caseId, loaded, { round }, events));
    loaded = await store.load(provider, caseId);
  }
  if (loaded === undefined) throw new Error('seeding failed');
  return loaded;
}

async function eventRow(caseId: string, seq: number) {
  return table.client.getEntity(provider, eventRowKey(caseId, seq));
}

afterAll(async () => {
  await table.client.deleteTable();
});

test('AU2: the per-case hash chain verifies and ends at the snapshot head', async () => {
  const head = await seedCase('intact');
  const events = await store.events(provider, 'intact');
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(events[0]?.prevHash).toBe('');
  expect(head.lastHash).toBe(events[5]?.hash);
  expect(verifyChain(events, head)).toEqual({ ok: true });
});

test('AU2: editing an event row in place breaks the chain at that seq', async () => {
  const head = await seedCase('edited');
  const row = await eventRow('edited', 4);
  await table.client.updateEntity(
    { partitionKey: provider, rowKey: row.rowKey ?? '', data: '{"round":99}' },
    'Merge',
    { etag: row.etag },
  );
  expect(verifyChain(await store.events(provider, 'edited'), head)).toEqual({
    ok: false,
    brokenAtSeq: 4,
  });
});

test('AU2: deleting an event row breaks the chain at the missing seq', async () => {
  const head = await seedCase('deleted');
  const row = await eventRow('deleted', 3);
  await table.client.deleteEntity(provider, row.rowKey ?? '', { etag: row.etag });
  expect(verifyChain(await store.events(provider, 'deleted'), head)).toEqual({
    ok: false,
    brokenAtSeq: 3,
  });
});

test('AU2: deleting the newest event row is caught against the snapshot head', async () => {
  const head = await seedCase('truncated');
  const row = await eventRow('truncated', 6);
  await table.client.deleteEntity(provider, row.rowKey ?? '', { etag: row.etag });
  const events = await store.events(provider, 'truncated');
  expect(verifyChain(events)).toEqual({ ok: true });
  expect(verifyChain(events, head)).toEqual({ ok: false, brokenAtSeq: 6 });
});
