import type { TransactionAction } from '@azure/data-tables';
import { prepareCommit } from '../../../functions/src/infrastructure/tables/commit-actions';
import {
  MAX_BATCH_BYTES,
  transactionWireBytes,
} from '../../../functions/src/infrastructure/tables/entity-size';
import { TransactionGuardError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { submitGuarded } from '../../../functions/src/infrastructure/tables/transaction-guard';
import { command, event, openStore, uniqueTableName } from './table-fixture';

const { table, counter } = openStore(uniqueTableName());

beforeAll(async () => {
  await table.ready();
});

afterAll(async () => {
  await table.client.deleteTable();
});

beforeEach(() => {
  counter.reset();
});

test('C3: a batch spanning two partitions is refused before any request (Azurite would accept it)', async () => {
  const actions: TransactionAction[] = [
    ['create', { partitionKey: 'prov-a', rowKey: 'c|1' }],
    ['create', { partitionKey: 'prov-b', rowKey: 'c|1' }],
  ];
  await expect(submitGuarded(table.client, actions)).rejects.toBeInstanceOf(TransactionGuardError);
  expect(counter.count()).toBe(0);
});

test('C3: the payload estimate is never below the $batch body actually sent', async () => {
  let sent = 0;
  const capture = openStore(table.client.tableName, {
    additionalPolicies: [
      {
        position: 'perRetry',
        policy: {
          name: 'capture',
          sendRequest: (request, next) => {
            if (typeof request.body === 'string') sent = Buffer.byteLength(request.body);
            return next(request);
          },
        },
      },
    ],
  });
  const events = Array.from({ length: 40 }, (_, i) =>
    event(`E${i}`, { i, text: 'ü€😀 '.repeat(50) }),
  );
  const request = command('prov-size', 'case-1', undefined, { big: 'x'.repeat(100_000) }, events);
  const { actions } = prepareCommit(request);
  expect(await capture.store.commit(request)).toMatchObject({ kind: 'committed' });
  expect(sent).toBeGreaterThan(0);
  expect(transactionWireBytes(actions)).toBeGreaterThanOrEqual(sent);
});

test('C3: a batch the guard passes just under 4 MiB is accepted by storage', async () => {
  const filler = (chars: number) =>
    Object.fromEntries(
      Array.from({ length: Math.ceil(chars / 30_000) }, (_, p) => [
        `p${p}`,
        'y'.repeat(Math.min(30_000, chars - p * 30_000)),
      ]),
    );
  const actions: TransactionAction[] = Array.from({ length: 9 }, (_, i) => [
    'create',
    { partitionKey: 'prov-big', rowKey: `r|${i}`, ...filler(450_000) },
  ]);
  const room = MAX_BATCH_BYTES - transactionWireBytes(actions) - 4_096;
  actions.push(['create', { partitionKey: 'prov-big', rowKey: 'r|last', ...filler(room) }]);
  const bytes = transactionWireBytes(actions);
  expect(bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  expect(bytes).toBeGreaterThan(MAX_BATCH_BYTES - 8 * 1024);
  const response = await submitGuarded(table.client, actions);
  expect(response.status).toBe(202);
});
