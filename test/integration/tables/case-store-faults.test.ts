import { TransientStorageError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { faultPolicy, isBatch, type Fault } from '../../support/storage-faults';
import { command, event, openStore, storeForSuite } from './table-fixture';

const clean = storeForSuite();
const { tableName } = clean;
const provider = 'prov-faults';

/** A store on the same table whose $batch requests suffer `fault` (table ready, counter zeroed). */
async function faulty(fault: Fault) {
  const injector = faultPolicy(fault, isBatch);
  const opened = openStore(tableName, { additionalPolicies: [injector.policy] });
  await opened.table.ready();
  opened.counter.reset();
  return { ...opened, injector };
}

async function eventTypes(caseId: string): Promise<string[]> {
  return (await clean.store.events(provider, caseId)).map((e) => e.type);
}

test('C4: a create whose response is lost is reported as a duplicate, rows written once', async () => {
  const { store, injector } = await faulty({ kind: 'drop-response-after-send', times: 1 });
  const request = command(provider, 'c4-create', undefined, { v: 1 }, [event('Opened')]);
  const outcome = await store.commit(request);
  expect(injector.injected()).toBe(1);
  expect(outcome).toEqual({ kind: 'duplicate', result: request.result });
  expect(await eventTypes('c4-create')).toEqual(['Opened']);
});

test('C4: an update whose response is lost (SDK retry gets 412) is a duplicate, not a conflict', async () => {
  await clean.store.commit(command(provider, 'c4-update', undefined, { v: 1 }, [event('Opened')]));
  const loaded = await clean.store.load(provider, 'c4-update');
  const { store, counter } = await faulty({ kind: 'drop-response-after-send', times: 1 });
  const request = command(provider, 'c4-update', loaded, { v: 2 }, [
    event('Signed'),
    event('Noted'),
  ]);
  const outcome = await store.commit(request);
  expect(outcome).toEqual({ kind: 'duplicate', result: request.result });
  expect(counter.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
  expect(await eventTypes('c4-update')).toEqual(['Opened', 'Signed', 'Noted']);
  expect((await clean.store.load(provider, 'c4-update'))?.state).toEqual({ v: 2 });
});

test('C4: even when every response is lost, the re-read finds the commit', async () => {
  const { store, injector } = await faulty({ kind: 'drop-response-after-send', times: 99 });
  const request = command(provider, 'c4-all-lost', undefined, { v: 1 });
  expect(await store.commit(request)).toEqual({ kind: 'duplicate', result: request.result });
  expect(injector.injected()).toBe(4);
  expect(await eventTypes('c4-all-lost')).toEqual(['Touched']);
});

test('C5: up to 3 injected 503s are retried by the SDK and the commit succeeds once', async () => {
  const { store, injector } = await faulty({ kind: 'fail-before-send', status: 503, times: 3 });
  const outcome = await store.commit(command(provider, 'c5-ok', undefined, { v: 1 }));
  expect(outcome).toMatchObject({ kind: 'committed', seq: 1 });
  expect(injector.injected()).toBe(3);
  expect(await eventTypes('c5-ok')).toEqual(['Touched']);
});

test('C5: a 4th 503 gives TransientStorageError and leaves nothing behind', async () => {
  const { store } = await faulty({ kind: 'fail-before-send', status: 503, times: 4 });
  const commit = store.commit(command(provider, 'c5-fail', undefined, { v: 1 }));
  await expect(commit).rejects.toBeInstanceOf(TransientStorageError);
  expect(await clean.store.load(provider, 'c5-fail')).toBeUndefined();
  expect(await eventTypes('c5-fail')).toEqual([]);
});

test('C5: a point read that keeps failing with 500 gives TransientStorageError', async () => {
  const injector = faultPolicy({ kind: 'fail-before-send', status: 500, times: 4 });
  const { store } = openStore(tableName, { additionalPolicies: [injector.policy] });
  await clean.store.load(provider, 'warm-up');
  await expect(store.load(provider, 'c5-ok')).rejects.toBeInstanceOf(TransientStorageError);
});
