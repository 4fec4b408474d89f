/**
 * The daily retention timer (UK GDPR storage limitation, ME-69) on Azurite: the same run as
 * `POST provider-retention-run`, for every provider, as the retention timer's identity; one
 * provider failing does not stop the others, and the invocation then fails so the host retries.
 */
import { retentionDailyTimer } from '../../../functions/src/functions/retention-daily-timer';
import { allTimers } from '../../../functions/src/functions';
import type { Logger } from '../../../functions/src/http/logger';
import { appRouteTable } from '../../../functions/src/http/routes';
import {
  installRuntime,
  uninstallRuntime,
  type AppRuntime,
} from '../../../functions/src/http/runtime';
import { CaseEraser } from '../../../functions/src/infrastructure/tables/case-eraser';
import type { CaseStore } from '../../../functions/src/infrastructure/tables/case-store-port';
import { TransientStorageError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import { CaseRecord } from '../../../functions/src/services/case-record';
import {
  RetentionRun,
  RetentionRunIncompleteError,
  retentionTimerIdentity,
} from '../../../functions/src/services/retention';
import { meThroughEveryStage, servicesOn, TestClock } from '../../support/record-service-fixture';
import { freshServices, meCaseAt, who } from '../../support/service-fixture';

jest.setTimeout(120_000);

const ME = 'mid-essex-itt';
const BF = 'bright-futures-scitt';

function logger() {
  const lines: { level: string; message: string; data: unknown }[] = [];
  const log: Logger = {
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
  return { log, lines };
}

afterEach(() => {
  uninstallRuntime();
});

test('is one of the timers both hosts register (Azure main.ts, npm start), daily in NCRONTAB', () => {
  expect(allTimers).toContain(retentionDailyTimer);
  expect(appRouteTable().timers).toContain(retentionDailyTimer);
  expect(retentionDailyTimer.schedule).toBe('0 30 2 * * *');
});

test('runs retention for every provider as the timer identity; a provider that fails does not stop the others, and the run then fails', async () => {
  const base = await freshServices();
  const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
  const s = servicesOn(base.tables, clock);
  const { caseId } = await meThroughEveryStage(s, clock);
  const open = await meCaseAt(s, 'stage-1', 'me-trainee-2');
  clock.advanceDays(6 * 366);

  // Bright Futures (listed first) fails this time: storage trouble in its partition.
  let failing = true;
  const store: CaseStore = Object.create(s.store) as CaseStore;
  store.listSnapshots = (providerId: string) => {
    if (failing && providerId === BF) throw new TransientStorageError('injected');
    return s.store.listSnapshots(providerId);
  };
  const eraser = new CaseEraser(
    openTable({ connectionString: process.env.AZURE_TABLES_CONNECTION_STRING! }, base.tables.cases),
  );
  const retention = new RetentionRun(store, eraser, s.providers, s.audit, clock.read);
  const record = new CaseRecord(s.commands, s.store, clock.read);
  record.retention = retention;
  const { log, lines } = logger();
  installRuntime({ log, record } as unknown as AppRuntime);

  await expect(retentionDailyTimer.handler(clock.now)).rejects.toBeInstanceOf(
    RetentionRunIncompleteError,
  );
  // Mid-Essex ran regardless: its closed case past retention is a tombstone, erased by the timer.
  expect(await eraser.tombstones(ME)).toEqual([
    expect.objectContaining({ caseId, erasedByOid: retentionTimerIdentity.oid }),
  ]);
  expect((await s.cases.getCase(who('me-director'), caseId)).ok).toBe(false);
  expect((await s.cases.getCase(who('me-course-tutor'), open)).ok).toBe(true);
  const audit = await s.audit.day(ME, clock.today());
  expect(audit).toEqual([
    expect.objectContaining({
      type: 'case-erased',
      caseId,
      actorTid: retentionTimerIdentity.tid,
      actorOid: retentionTimerIdentity.oid,
    }),
  ]);
  expect(lines.filter((l) => l.level === 'error')).toEqual([
    {
      level: 'error',
      message: 'Retention could not run for 1 provider(s)',
      data: { failed: [{ providerId: BF, kind: 'TransientStorageError' }] },
    },
  ]);
  const info = lines.filter((l) => l.level === 'info').map((l) => l.data);
  expect(info).toContainEqual({ providerId: ME, erased: [caseId], refused: [], kept: 1 });

  // The host's retry: storage is back, every provider runs, nothing more to erase, no failure.
  failing = false;
  await expect(retentionDailyTimer.handler(clock.now)).resolves.toBeUndefined();
  expect(await eraser.tombstones(ME)).toHaveLength(1);
  expect(await s.audit.day(ME, clock.today())).toHaveLength(1);
});

test('a host without the record service does nothing', async () => {
  const { log, lines } = logger();
  installRuntime({ log } as unknown as AppRuntime);
  await expect(retentionDailyTimer.handler(new Date())).resolves.toBeUndefined();
  expect(lines).toEqual([]);
});
