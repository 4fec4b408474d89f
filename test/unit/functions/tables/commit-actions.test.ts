import { TableClient } from '@azure/data-tables';
import {
  commitBase,
  type CommitRequest,
  type StoredCase,
} from '../../../../functions/src/infrastructure/tables/case-store-port';
import { TableCaseStore } from '../../../../functions/src/infrastructure/tables/case-table-store';
import { prepareCommit } from '../../../../functions/src/infrastructure/tables/commit-actions';
import { eventHash } from '../../../../functions/src/infrastructure/tables/hash-chain';
import { countingPolicy } from '../../../../functions/src/infrastructure/tables/request-counter';
import {
  StoreInputError,
  UnconditionalWriteError,
} from '../../../../functions/src/infrastructure/tables/storage-errors';
import { azuriteConnectionString } from '../../../support/azurite';

const loaded: StoredCase = {
  providerId: 'prov-1',
  caseId: 'case-1',
  state: {},
  etag: 'W/"datetime\'2026-01-05T10%3A00%3A00Z\'"',
  seq: 7,
  lastHash: 'a'.repeat(64),
  recentCommands: Array.from({ length: 20 }, (_, i) => ({
    commandId: `old-${i}`,
    firstSeq: i,
    lastSeq: i,
    result: null,
  })),
};

function request(overrides: Partial<CommitRequest> = {}): CommitRequest {
  return {
    providerId: 'prov-1',
    caseId: 'case-1',
    ...commitBase(loaded),
    state: { v: 2 },
    summary: { status: 'open' },
    events: ['A', 'B'].map((type) => ({
      type,
      data: { type },
      actor: { tid: 't', oid: 'o' },
      at: '2026-01-05T10:00:00.000Z',
      command: 'cmd',
    })),
    effects: [{ kind: 'notify', data: {} }],
    commandId: 'new-1',
    result: { ok: true },
    ...overrides,
  };
}

test('C1: the snapshot is a Replace carrying the loaded ETag, then event, outbox and pending-index creates', () => {
  const { actions, lastSeq } = prepareCommit(request());
  expect(lastSeq).toBe(9);
  expect(actions.map((a) => [a[0], a[1].rowKey])).toEqual([
    ['update', 'c|case-1'],
    ['create', 'e|case-1|0000000008'],
    ['create', 'e|case-1|0000000009'],
    ['create', 'o|case-1|0000000009|000'],
    ['create', 'p|case-1|0000000009'],
  ]);
  expect(actions[4]?.[1]).toMatchObject({ caseId: 'case-1', seq: 9 });
  expect(actions[0]?.[2]).toBe('Replace');
  expect((actions[0] as unknown[])[3]).toEqual({ etag: loaded.etag });
});

test('events continue the seq and the hash chain of the loaded snapshot', () => {
  const { actions } = prepareCommit(request());
  const first = actions[1]?.[1];
  expect(first).toMatchObject({ seq: 8, prevHash: loaded.lastHash, commandId: 'new-1' });
  const snapshot = actions[0]?.[1];
  expect(snapshot).toMatchObject({ seq: 9, lastHash: actions[2]?.[1].hash });
  const recomputed = eventHash(loaded.lastHash, {
    seq: 8,
    type: 'A',
    data: { type: 'A' },
    actor: { tid: 't', oid: 'o' },
    at: '2026-01-05T10:00:00.000Z',
    command: 'cmd',
    commandId: 'new-1',
  });
  expect(first?.hash).toBe(recomputed);
});

test('recentCommands keeps the last 20, this command included', () => {
  const snapshot = prepareCommit(request()).actions[0]?.[1];
  const recent = JSON.parse(String(snapshot?.recentCommands_0)) as { commandId: string }[];
  expect(recent).toHaveLength(20);
  expect(recent.at(-1)).toEqual({
    commandId: 'new-1',
    firstSeq: 8,
    lastSeq: 9,
    result: { ok: true },
  });
  expect(recent[0]?.commandId).toBe('old-1');
});

test('a create is a create; reserved summary columns, effects without events and bad ids are refused', () => {
  expect(prepareCommit(request(commitBase(undefined))).actions[0]?.[0]).toBe('create');
  expect(() => prepareCommit(request({ summary: { seq: 1 } }))).toThrow(StoreInputError);
  expect(() => prepareCommit(request({ summary: { state_0: 'x' } }))).toThrow(StoreInputError);
  expect(() => prepareCommit(request({ events: [] }))).toThrow(StoreInputError);
  expect(() => prepareCommit(request({ caseId: 'a|b' }))).toThrow(StoreInputError);
});

test('C1: the store refuses a "*" or empty expectedEtag before any request is sent', async () => {
  const counter = countingPolicy();
  const client = TableClient.fromConnectionString(azuriteConnectionString(9), 'unused', {
    allowInsecureConnection: true,
    additionalPolicies: [counter.policy],
  });
  const store = new TableCaseStore({ client, ready: () => Promise.resolve() });
  for (const expectedEtag of ['*', '', '  ']) {
    await expect(store.commit(request({ expectedEtag, commandId: 'x' }))).rejects.toBeInstanceOf(
      UnconditionalWriteError,
    );
  }
  expect(counter.count()).toBe(0);
});
