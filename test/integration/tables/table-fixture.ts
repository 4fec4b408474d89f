import { randomInt, randomUUID } from 'node:crypto';
import type {
  CommitRequest,
  NewEvent,
  StoredCase,
} from '../../../functions/src/infrastructure/tables/case-store-port';
import { commitBase } from '../../../functions/src/infrastructure/tables/case-store-port';
import { TableCaseStore } from '../../../functions/src/infrastructure/tables/case-table-store';
import { countingPolicy } from '../../../functions/src/infrastructure/tables/request-counter';
import {
  openTable,
  type TableOptions,
} from '../../../functions/src/infrastructure/tables/table-clients';

/** A table name no other test file uses. */
export function uniqueTableName(): string {
  return `t${Date.now()}${randomInt(1_000_000)}`;
}

/** The Azurite started by global setup. */
export function connectionString(): string {
  const value = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (value === undefined)
    throw new Error('AZURE_TABLES_CONNECTION_STRING is not set (global setup)');
  return value;
}

/** A TableCaseStore on `tableName` with a request counter and fast SDK retries. */
export function openStore(tableName: string, options: TableOptions = {}) {
  const counter = countingPolicy();
  const table = openTable({ connectionString: connectionString() }, tableName, {
    retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 },
    ...options,
    additionalPolicies: [...(options.additionalPolicies ?? []), counter.policy],
  });
  return { store: new TableCaseStore(table), table, counter };
}

/**
 * A store on a fresh table for one test file: the table is created before the tests, deleted
 * after them, and the request counter is zeroed before each test.
 */
export function storeForSuite() {
  const tableName = uniqueTableName();
  const opened = openStore(tableName);
  beforeAll(async () => {
    await opened.table.ready();
  });
  afterAll(async () => {
    await opened.table.client.deleteTable();
  });
  beforeEach(() => {
    opened.counter.reset();
  });
  return { ...opened, tableName };
}

/** A plausible audit event. */
export function event(type: string, data: unknown = { type }): NewEvent {
  return {
    type,
    data,
    actor: { tid: 'tenant-1', oid: 'user-1' },
    at: '2026-01-05T10:00:00.000Z',
    command: type,
  };
}

/** A command on `loaded` (undefined: create) writing `state`, `events` and one effect per event. */
export function command(
  providerId: string,
  caseId: string,
  loaded: StoredCase | undefined,
  state: unknown,
  events: readonly NewEvent[] = [event('Touched')],
): CommitRequest {
  const commandId = randomUUID();
  return {
    providerId,
    caseId,
    ...commitBase(loaded),
    state,
    summary: { status: 'open', trainee: 'T-1', openedDay: 3, urgent: false },
    events,
    effects: events.map((e) => ({ kind: 'notify', data: { about: e.type } })),
    commandId,
    result: { ok: true, commandId },
  };
}
