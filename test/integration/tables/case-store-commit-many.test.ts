/**
 * ADR 0015: `commitMany` packs several cases' commits of one provider into shared entity-group
 * transactions, and answers each exactly as `commit` would, a failed transaction being redone
 * commit by commit.
 */
import type { StoredCase } from '../../../functions/src/infrastructure/tables/case-store-port';
import { command, storeForSuite } from './table-fixture';

const { store, table, counter } = storeForSuite();
const provider = 'prov-many';

async function opened(ids: readonly string[]): Promise<StoredCase[]> {
  const loaded: StoredCase[] = [];
  for (const id of ids) {
    await store.commit(command(provider, id, undefined, { v: 0 }));
    const stored = await store.load(provider, id);
    if (stored === undefined) throw new Error('not created');
    loaded.push(stored);
  }
  return loaded;
}

const batches = () => counter.requests.filter((r) => r.url.includes('$batch')).length;

test('commits of 20 cases of one provider go in one transaction; each answer carries its snapshot and the ETags of the rows it wrote', async () => {
  const ids = Array.from({ length: 20 }, (_, i) => `many-${String(i)}`);
  const loaded = await opened(ids);
  counter.reset();
  const answers = await store.commitMany(
    loaded.map((l) => command(provider, l.caseId, l, { v: 1, id: l.caseId })),
  );
  expect(counter.count()).toBe(1);
  expect(batches()).toBe(1);
  for (const [i, answer] of answers.entries()) {
    expect(answer.ok).toBe(true);
    if (!answer.ok || answer.outcome.kind !== 'committed') throw new Error('not committed');
    const { outcome } = answer;
    const reread = await store.load(provider, ids[i] ?? '');
    expect(outcome.etag).toBe(reread?.etag);
    expect(outcome.snapshot.state).toEqual({ v: 1, id: ids[i] });
    expect(outcome.written?.outbox).toHaveLength(1);
    const row = await table.client.getEntity(provider, outcome.written?.outbox[0]?.rowKey ?? '');
    expect(row.etag).toBe(outcome.written?.outbox[0]?.etag);
    expect(row.status).toBe('pending');
    const pending = await table.client.getEntity(provider, outcome.written?.pending?.rowKey ?? '');
    expect(pending.etag).toBe(outcome.written?.pending?.etag);
  }
});

test('one case changed meanwhile: the shared transaction fails as a whole, the others are redone alone and commit, that one answers conflict', async () => {
  const loaded = await opened(['race-a', 'race-b', 'race-c']);
  const [, b] = loaded;
  await store.commit(command(provider, 'race-b', b, { v: 'someone else' }));
  counter.reset();
  const answers = await store.commitMany(
    loaded.map((l) => command(provider, l.caseId, l, { v: 'sweep' })),
  );
  expect(answers.map((a) => (a.ok ? a.outcome.kind : 'error'))).toEqual([
    'committed',
    'conflict',
    'committed',
  ]);
  // One shared try, then each alone (the conflicting one re-read once to tell conflict from duplicate).
  expect(batches()).toBe(4);
  expect((await store.load(provider, 'race-b'))?.state).toEqual({ v: 'someone else' });
  expect((await store.load(provider, 'race-a'))?.state).toEqual({ v: 'sweep' });
});

test('commits already applied answer duplicate; effects written claimed carry the claim; a pending row is cleared in the same transaction', async () => {
  const [a, b] = await opened(['dup-a', 'dup-b']);
  const first = command(provider, 'dup-a', a, { v: 1 });
  await store.commit(first);
  const reread = await store.load(provider, 'dup-a');
  const claimedAt = '2026-01-19T09:00:00.000Z';
  const answers = await store.commitMany([
    { ...first, recentCommands: reread?.recentCommands ?? [] },
    { ...command(provider, 'dup-b', b, { v: 1 }), claimedAt },
  ]);
  expect(answers[0]).toMatchObject({ ok: true, outcome: { kind: 'duplicate' } });
  const outcome = answers[1]?.ok === true ? answers[1].outcome : undefined;
  if (outcome?.kind !== 'committed' || outcome.written === undefined) throw new Error('no rows');
  const row = await table.client.getEntity(provider, outcome.written.outbox[0]?.rowKey ?? '');
  expect(row).toMatchObject({ status: 'sending', claimedAt });

  const pendingKey = outcome.written.pending?.rowKey ?? '';
  const settled = await store.commitMany([
    {
      ...command(provider, 'dup-b', outcome.snapshot, { v: 2 }, []),
      settle: [{ rowKey: row.rowKey ?? '', etag: row.etag, status: 'delivered', at: claimedAt }],
      clearPending: [pendingKey],
    },
  ]);
  expect(settled[0]).toMatchObject({ ok: true, outcome: { kind: 'committed' } });
  expect((await table.client.getEntity(provider, row.rowKey ?? '')).status).toBe('delivered');
  await expect(table.client.getEntity(provider, pendingKey)).rejects.toMatchObject({
    statusCode: 404,
  });
});
