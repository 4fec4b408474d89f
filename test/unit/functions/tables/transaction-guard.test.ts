import type { TableEntity, TransactionAction } from '@azure/data-tables';
import {
  MAX_BATCH_BYTES,
  transactionWireBytes,
} from '../../../../functions/src/infrastructure/tables/entity-size';
import {
  TransactionGuardError,
  UnconditionalWriteError,
} from '../../../../functions/src/infrastructure/tables/storage-errors';
import {
  MAX_ACTIONS,
  assertValidTransaction,
} from '../../../../functions/src/infrastructure/tables/transaction-guard';

const create = (rowKey: string, extra: Record<string, unknown> = {}): TransactionAction => [
  'create',
  { partitionKey: 'prov-1', rowKey, ...extra },
];
const rows = (n: number) => Array.from({ length: n }, (_, i) => create(`e|case|${i}`));

function ruleOf(actions: readonly TransactionAction[]): string | undefined {
  try {
    assertValidTransaction(actions);
    return undefined;
  } catch (error) {
    if (error instanceof TransactionGuardError) return error.rule;
    throw error;
  }
}

/** Nine big rows plus a last row tuned so the estimate lands exactly on `target` bytes. */
function batchOf(target: number): TransactionAction[] {
  const big = Object.fromEntries(
    Array.from({ length: 15 }, (_, p) => [`p${p}`, 'x'.repeat(30_000)]),
  );
  const actions = Array.from({ length: 9 }, (_, i) => create(`r|${i}`, big));
  const last = (chars: number): Record<string, string> => ({
    ...Object.fromEntries(
      Array.from({ length: 8 }, (_, p) => [`q${p}`, 'y'.repeat(Math.floor(chars / 8))]),
    ),
    rest: 'y'.repeat(chars % 8),
  });
  const probe = [...actions, create('r|last', last(0))];
  const chars = target - transactionWireBytes(probe);
  return [...actions, create('r|last', last(chars))];
}

test(`C3: ${MAX_ACTIONS} actions pass, ${MAX_ACTIONS + 1} are rejected, 0 are rejected`, () => {
  expect(ruleOf(rows(100))).toBeUndefined();
  expect(ruleOf(rows(101))).toBe('action-count');
  expect(ruleOf([])).toBe('action-count');
});

test('C3: a payload estimate of 4 MiB - 1 KiB passes, 4 MiB + 1 KiB is rejected', () => {
  const under = batchOf(MAX_BATCH_BYTES - 1024);
  const over = batchOf(MAX_BATCH_BYTES + 1024);
  expect(transactionWireBytes(under)).toBe(MAX_BATCH_BYTES - 1024);
  expect(transactionWireBytes(over)).toBe(MAX_BATCH_BYTES + 1024);
  expect(ruleOf(under)).toBeUndefined();
  expect(ruleOf(over)).toBe('payload-size');
});

test('C3: two PartitionKeys in one batch are rejected', () => {
  const other: TransactionAction = ['create', { partitionKey: 'prov-2', rowKey: 'c|x' }];
  expect(ruleOf([create('c|x'), other])).toBe('single-partition');
});

test('C3: a RowKey appearing twice is rejected', () => {
  expect(ruleOf([create('c|x'), create('e|x|1'), create('c|x')])).toBe('duplicate-row');
});

test('C1: update without an ETag, with "*", upsert and delete are refused as unconditional', () => {
  const entity: TableEntity = { partitionKey: 'prov-1', rowKey: 'c|x' };
  const unconditional: TransactionAction[] = [
    ['update', entity, 'Replace'],
    ['update', entity, 'Replace', { etag: '*' }],
    ['update', entity, 'Replace', { etag: ' ' }],
    ['upsert', entity, 'Replace'],
    ['delete', entity],
    ['delete', { partitionKey: 'prov-1', rowKey: 'o|x|0000000001|000' }],
  ];
  for (const action of unconditional) {
    expect(() => {
      assertValidTransaction([action]);
    }).toThrow(UnconditionalWriteError);
  }
  expect(ruleOf([['update', entity, 'Replace', { etag: 'W/"datetime\'1\'"' }]])).toBeUndefined();
  // Only a pending-index row (write-once, never updated) may be deleted, as the sweep does when
  // it records a command's last delivery.
  expect(
    ruleOf([['delete', { partitionKey: 'prov-1', rowKey: 'p|x|0000000001' }]]),
  ).toBeUndefined();
});

test('C7: a string property of 32,768 UTF-16 units passes, 32,769 is rejected', () => {
  const pairs = '😀'.repeat(16_384);
  expect(pairs.length).toBe(32_768);
  expect(ruleOf([create('c|x', { text: pairs })])).toBeUndefined();
  expect(ruleOf([create('c|x', { text: `${pairs}a` })])).toBe('property-size');
});

test('C7: an entity over 1 MiB (UTF-16 accounting) is rejected before sending', () => {
  const props = Object.fromEntries(
    Array.from({ length: 18 }, (_, p) => [`p${p}`, 'x'.repeat(30_000)]),
  );
  expect(ruleOf([create('c|x', props)])).toBe('entity-size');
});

test('keys with / \\ # ? or control characters, empty keys and bad property names are rejected', () => {
  for (const rowKey of ['a/b', 'a\\b', 'a#b', 'a?b', 'a\u0001b', 'a\u007fb', '']) {
    expect(ruleOf([create(rowKey)])).toBe('key');
  }
  expect(ruleOf([create('c|ok', { 'bad-name': 1 })])).toBe('property-name');
  expect(ruleOf([create('c|ok', Object.fromEntries(rows(253).map((_, i) => [`p${i}`, i])))])).toBe(
    'property-count',
  );
});
