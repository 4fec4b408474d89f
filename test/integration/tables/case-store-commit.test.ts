import { command, event, storeForSuite } from './table-fixture';

const { store, table, counter } = storeForSuite();
const provider = 'prov-commit';

test('creates a case and loads it back: one $batch to write, one point read to load', async () => {
  const request = command(provider, 'case-1', undefined, { title: 'Plan', items: [1, 2, 3] });
  const outcome = await store.commit(request);
  expect(outcome).toMatchObject({ kind: 'committed', seq: 1 });
  expect(counter.requests.map((r) => r.method)).toEqual(['POST']);
  expect(counter.requests[0]?.url).toContain('$batch');

  counter.reset();
  const loaded = await store.load(provider, 'case-1');
  expect(counter.requests.map((r) => r.method)).toEqual(['GET']);
  expect(loaded).toMatchObject({
    providerId: provider,
    caseId: 'case-1',
    state: { title: 'Plan', items: [1, 2, 3] },
    seq: 1,
    recentCommands: [
      { commandId: request.commandId, firstSeq: 1, lastSeq: 1, result: request.result },
    ],
  });
  expect(outcome.kind === 'committed' && outcome.etag).toBe(loaded?.etag);
  expect(loaded?.lastHash).toMatch(/^[0-9a-f]{64}$/);
});

test('a missing case loads as undefined with one point read', async () => {
  await expect(store.load(provider, 'nobody')).resolves.toBeUndefined();
  expect(counter.count()).toBe(1);
});

test('the returned etag carries straight into the next commit; seqs continue', async () => {
  let loaded = undefined;
  for (let round = 1; round <= 3; round += 1) {
    const events = [event(`A${round}`), event(`B${round}`)];
    const outcome = await store.commit(command(provider, 'case-2', loaded, { round }, events));
    expect(outcome).toMatchObject({ kind: 'committed', seq: round * 2 });
    loaded = await store.load(provider, 'case-2');
  }
  const events = await store.events(provider, 'case-2');
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(loaded?.recentCommands).toHaveLength(3);
});

test('a command already in recentCommands is answered as a duplicate without writing', async () => {
  const first = command(provider, 'case-6', undefined, { v: 1 });
  await store.commit(first);
  const loaded = await store.load(provider, 'case-6');
  counter.reset();
  const again = { ...command(provider, 'case-6', loaded, { v: 2 }), commandId: first.commandId };
  expect(await store.commit(again)).toEqual({ kind: 'duplicate', result: first.result });
  expect(counter.count()).toBe(0);
});

test('C7: a large state (surrogate pairs included) is chunked and read back intact', async () => {
  const narrative = '😀 support plan narrative '.repeat(12_000);
  await store.commit(command(provider, 'case-7', undefined, { narrative }));
  const loaded = await store.load(provider, 'case-7');
  expect(loaded?.state).toEqual({ narrative });
  const row = await table.client.getEntity(provider, 'c|case-7');
  expect(Object.keys(row).filter((k) => k.startsWith('state_')).length).toBeGreaterThan(10);
});

test('summary columns are written flat on the snapshot row and listed back', async () => {
  const listed = [];
  for await (const snapshot of store.listSnapshots(provider)) listed.push(snapshot);
  expect(listed.map((s) => s.caseId)).toEqual(['case-1', 'case-2', 'case-6', 'case-7']);
  expect(listed[0]?.summary).toEqual({
    status: 'open',
    trainee: 'T-1',
    openedDay: 3,
    urgent: false,
  });
});
