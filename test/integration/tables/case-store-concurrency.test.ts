import { UnconditionalWriteError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { command, event, storeForSuite } from './table-fixture';

const { store, counter } = storeForSuite();
const provider = 'prov-c1';

test('C1: a commit with a stale etag is a conflict and writes nothing', async () => {
  await store.commit(command(provider, 'case-3', undefined, { v: 1 }));
  const v1 = await store.load(provider, 'case-3');
  expect(await store.commit(command(provider, 'case-3', v1, { v: 2 }))).toMatchObject({
    kind: 'committed',
  });
  const v2 = await store.load(provider, 'case-3');

  const stale = await store.commit(command(provider, 'case-3', v1, { v: 3 }, [event('Late')]));
  expect(stale).toEqual({ kind: 'conflict' });
  expect(await store.load(provider, 'case-3')).toEqual(v2);
  expect((await store.events(provider, 'case-3')).map((e) => e.type)).toEqual([
    'Touched',
    'Touched',
  ]);
});

test('C1: two concurrent commits from the same read: exactly one committed, one conflict', async () => {
  await store.commit(command(provider, 'case-4', undefined, { v: 1 }));
  const read = await store.load(provider, 'case-4');
  const a = command(provider, 'case-4', read, { by: 'a' }, [event('ByA')]);
  const b = command(provider, 'case-4', read, { by: 'b' }, [event('ByB')]);
  const outcomes = await Promise.all([store.commit(a), store.commit(b)]);
  expect(outcomes.map((o) => o.kind).sort()).toEqual(['committed', 'conflict']);
  const winner = outcomes[0].kind === 'committed' ? a : b;
  const after = await store.load(provider, 'case-4');
  expect(after?.state).toEqual(winner.state);
  expect(after?.recentCommands.map((c) => c.commandId)).toContain(winner.commandId);
  const events = await store.events(provider, 'case-4');
  expect(events.map((e) => e.type)).toEqual(['Touched', winner === a ? 'ByA' : 'ByB']);
});

test('C1: two concurrent creates of the same case: exactly one committed, one conflict', async () => {
  const a = command(provider, 'case-5', undefined, { by: 'a' });
  const b = command(provider, 'case-5', undefined, { by: 'b' });
  const outcomes = await Promise.all([store.commit(a), store.commit(b)]);
  expect(outcomes.map((o) => o.kind).sort()).toEqual(['committed', 'conflict']);
  expect(await store.events(provider, 'case-5')).toHaveLength(1);
});

test('C1: an unconditional write (etag "*") is refused before any request is sent', async () => {
  const loaded = await store.load(provider, 'case-3');
  counter.reset();
  const request = { ...command(provider, 'case-3', loaded, { v: 9 }), expectedEtag: '*' };
  await expect(store.commit(request)).rejects.toBeInstanceOf(UnconditionalWriteError);
  expect(counter.count()).toBe(0);
});
