/**
 * The timed sweep at scale (issue 9 §4, ADR 0011, ADR 0015): a store of SWEEP_BENCH_CASES cases,
 * SWEEP_BENCH_OPEN of them open and SWEEP_BENCH_DUE with a review due today. Defaults 20,000 /
 * 2,000 / 1,000 (about 1.5 minutes here). The 100,000 / 10,000 / 1,000 run with
 * `SWEEP_BENCH_CASES=100000 SWEEP_BENCH_OPEN=10000`: seeding took 63 s on this 2-core machine
 * under load (2026-12-02; it had failed with EPIPE after 5+ minutes before the seeding stopped
 * copying each partition's array per row), the whole run about 2.5 minutes. The due count,
 * which is what a sweep's cost follows (it reads no case that is not due), is the issue's
 * either way. Cases are seeded in entity-group batches (100 rows, 25 full snapshots) by cloning
 * real snapshots made through the service (the closed ones are summary-only rows: nothing the
 * sweep does reads them). The open cases' due rows are seeded in the index on their due days,
 * the watermark at the day before yesterday and the providers' index marks current (a
 * steady-state sweep, not the first one).
 *
 * Measured in one run: one sweep's storage requests by table (the due index is the only thing
 * listed; cases are point-read only where a row is due), its Graph HTTP calls (target
 * ceil(due / 20) `$batch` calls), and its time as a ratio to the bare read of the same due rows.
 */
import { TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { toChunks, fromChunks } from '../../functions/src/infrastructure/tables/chunked-json';
import { snapshotRowKey } from '../../functions/src/infrastructure/tables/row-keys';
import { deliveryRig } from '../support/graph-fixture';
import { meStage1NotOnTrajectory } from '../support/service-fixture';
import { report, round, timed } from './stats';

const TODAY = '2026-01-19';
const ME = 'mid-essex-itt';

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
};

type Entity = TableEntity;

/** Writes entities in entity-group batches of `size` per partition, `parallel` batches at a time. */
async function seed(client: TableClient, entities: readonly Entity[], size = 100, parallel = 2) {
  const batches: TransactionAction[][] = [];
  const byPartition = new Map<string, Entity[]>();
  for (const e of entities) {
    const group = byPartition.get(e.partitionKey);
    if (group === undefined) byPartition.set(e.partitionKey, [e]);
    else group.push(e); // not a copy per row: 100,000 rows of one partition would take minutes
  }
  for (const group of byPartition.values())
    for (let i = 0; i < group.length; i += size)
      batches.push(group.slice(i, i + size).map((e) => ['upsert', e, 'Replace']));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next] ?? [];
      next += 1;
      await client.submitTransaction(batch);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** A clone of a real snapshot row under a new case id, told only its course tutor. */
function cloneSnapshot(template: Entity, caseId: string): Entity {
  const state = JSON.parse(fromChunks('state', template)) as {
    caseId: string;
    participants: { role: string }[];
  };
  const cloned = {
    ...state,
    caseId,
    participants: state.participants.filter((p) => p.role === 'courseTutor'),
  };
  const kept = Object.fromEntries(
    Object.entries(template).filter(
      ([k]) => !/^state_\d+$/.test(k) && !['etag', 'timestamp'].includes(k) && !k.includes('@'),
    ),
  );
  return {
    ...kept,
    partitionKey: ME,
    rowKey: snapshotRowKey(caseId),
    ...toChunks('state', JSON.stringify(cloned)),
  };
}

/** An entity as read, ready to write back (no ETag, timestamp or OData annotations). */
const writable = (entity: Entity): Entity =>
  Object.fromEntries(
    Object.entries(entity).filter(([k]) => !['etag', 'timestamp'].includes(k) && !k.includes('@')),
  ) as Entity;

/**
 * The honest floor (ADR 0015), raw with the SDK in the same run: the bare read of the due rows,
 * one point read of each due case's snapshot (16 at a time, as the sweep reads them), and the
 * two writes per case the design requires (the reminder recorded before it is sent, the
 * delivery after), each a Replace of the snapshot as read plus one event-sized row, packed 20
 * cases to an entity-group transaction. Nothing here checks, claims, decides or sends.
 */
async function floor(
  index: (day: string) => Promise<{ caseId: string }[]>,
  cases: TableClient,
): Promise<number> {
  return timed(async () => {
    const due = (await Promise.all(['2026-01-18', TODAY].map(index))).flat();
    const snapshots: Entity[] = new Array<Entity>(due.length);
    let next = 0;
    const reader = async () => {
      while (next < due.length) {
        const i = next;
        next += 1;
        const id = due[i]?.caseId ?? '';
        snapshots[i] = writable(await cases.getEntity(ME, snapshotRowKey(id)));
      }
    };
    await Promise.all(Array.from({ length: 16 }, reader));
    for (const write of [1, 2]) {
      const packs: TransactionAction[][] = [];
      for (let i = 0; i < snapshots.length; i += 20)
        packs.push(
          snapshots.slice(i, i + 20).flatMap((snap): TransactionAction[] => [
            ['upsert', snap, 'Replace'],
            [
              'upsert',
              {
                partitionKey: ME,
                rowKey: `x|floor|${snap.rowKey}|${String(write)}`,
                type: 'TimedReminderIssued',
                data: JSON.stringify({ write, at: new Date().toISOString() }),
              },
              'Replace',
            ],
          ]),
        );
      await Promise.all(packs.map((pack) => cases.submitTransaction(pack)));
    }
  });
}

export async function benchSweep(): Promise<void> {
  const total = envNumber('SWEEP_BENCH_CASES', 20_000);
  const open = Math.min(total, envNumber('SWEEP_BENCH_OPEN', 2_000));
  const due = Math.min(open, envNumber('SWEEP_BENCH_DUE', 1_000));
  let now = new Date('2026-01-05T09:00:00Z');
  const rig = await deliveryRig({ clock: () => now });
  const s = rig.services;
  const connection = process.env.AZURE_TABLES_CONNECTION_STRING ?? '';
  const casesClient = TableClient.fromConnectionString(connection, s.tables.cases, {
    allowInsecureConnection: true,
  });
  const indexClient = TableClient.fromConnectionString(connection, s.tables.dueIndex, {
    allowInsecureConnection: true,
  });
  try {
    // Two real cases: one whose Stage 1 window ends today, one whose window ends a week later.
    const dueTemplateId = await meStage1NotOnTrajectory(s, 'me-trainee-1');
    now = new Date('2026-01-12T09:00:00Z');
    const laterTemplateId = await meStage1NotOnTrajectory(s, 'me-trainee-2');
    const read = async (id: string): Promise<Entity> => ({
      ...(await casesClient.getEntity(ME, snapshotRowKey(id))),
      partitionKey: ME,
      rowKey: snapshotRowKey(id),
    });
    const dueTemplate = await read(dueTemplateId);
    const laterTemplate = await read(laterTemplateId);
    // The templates' own index rows go: only the seeded cases are due.
    for await (const row of indexClient.listEntities())
      if (row.partitionKey?.startsWith('d|'))
        await indexClient.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '');
    const instanceOf = (entity: Entity) =>
      (JSON.parse(fromChunks('state', entity)) as { current: { instanceId: string } }).current
        .instanceId;
    const seedStart = Date.now();
    const snapshots: Entity[] = [];
    const rows: Entity[] = [];
    const indexRow = (day: string, caseId: string, key: string): Entity => ({
      partitionKey: `d|${day}`,
      rowKey: `${ME}|${caseId}|${key}`,
      providerId: ME,
      caseId,
      key,
    });
    for (let i = 0; i < total; i += 1) {
      const caseId = `${ME}.bench${String(i).padStart(6, '0')}`;
      if (i < due) {
        snapshots.push(cloneSnapshot(dueTemplate, caseId));
        rows.push(indexRow(TODAY, caseId, `review-today:${instanceOf(dueTemplate)}:${TODAY}`));
      } else if (i < open) {
        snapshots.push(cloneSnapshot(laterTemplate, caseId));
        const later = '2026-01-26';
        rows.push(indexRow(later, caseId, `review-today:${instanceOf(laterTemplate)}:${later}`));
      } else {
        snapshots.push({
          partitionKey: ME,
          rowKey: snapshotRowKey(caseId),
          status: 'closed',
          seq: 1,
          state_0: '{}',
        });
      }
    }
    // Full snapshots go 25 to a batch (a 100-row batch of them is ~360 KB, which Azurite drops under load).
    await seed(casesClient, snapshots.slice(0, open), 25);
    await seed(casesClient, snapshots.slice(open));
    await seed(indexClient, rows);
    s.providers.invalidate();
    for (const provider of (await s.providers.all()).values())
      await s.dueIndex.markIndexed(provider.settings.providerId, provider.etag, now);
    await s.dueIndex.advance('2026-01-17');
    const seedMs = Date.now() - seedStart;

    now = new Date(`${TODAY}T09:00:00Z`);
    await s.providers.all(); // warm the provider cache, as a running host has it
    const bare = await timed(async () => {
      const read = await Promise.all([s.dueIndex.day('2026-01-18'), s.dueIndex.day(TODAY)]);
      if (read.flat().length !== due) throw new Error('seeded due rows not read back');
    });
    const readDue = (day: string) => s.dueIndex.day(day);
    const floorRuns = [await floor(readDue, casesClient), await floor(readDue, casesClient)];
    const floorMs = (floorRuns[0]! + floorRuns[1]!) / 2;
    s.counter.reset();
    const graphBefore = rig.graph.httpCalls.length;
    let result: Awaited<ReturnType<typeof s.sweep.run>> | undefined;
    const sweepMs = await timed(async () => {
      result = await s.sweep.run();
    });
    const requests = [...s.counter.requests];
    if (process.env.SWEEP_BENCH_DUMP !== undefined)
      (await import('node:fs')).writeFileSync(
        process.env.SWEEP_BENCH_DUMP,
        JSON.stringify({ tables: s.tables, requests }),
      );
    const table = (name: string) => requests.filter((r) => r.url.includes(`/${name}`));
    const graphCalls = rig.graph.httpCalls.slice(graphBefore);
    const caseListings = table(s.tables.cases).filter(
      (r) => r.method === 'GET' && r.url.includes("RowKey ge 'c|'"),
    );
    report({
      measure: 'timed sweep over the due-date index (issue 9 §4)',
      cases: total,
      open,
      dueToday: due,
      seedMs,
      escalated: result?.escalated.length,
      failed: result?.failed.length,
      rowsRead: result?.rowsRead,
      indexQueries: table(s.tables.dueIndex).filter(
        (r) => r.method === 'GET' && r.url.includes('PartitionKey'),
      ).length,
      indexRequests: table(s.tables.dueIndex).length,
      caseRequests: table(s.tables.cases).length,
      casePointReads: table(s.tables.cases).filter(
        (r) => r.method === 'GET' && r.url.includes("RowKey='c"),
      ).length,
      caseListings: caseListings.length,
      graphBatchCalls: graphCalls.filter((r) => r.path.endsWith('/$batch')).length,
      graphOtherCalls: graphCalls.filter((r) => !r.path.endsWith('/$batch')).length,
      graphBatchTarget: Math.ceil(due / 20),
      sweepMs: round(sweepMs),
      bareDueReadMs: round(bare),
      ratioToBareRead: round(sweepMs / bare),
      requestsPerDueCase: round(requests.length / due),
      floorMs: round(floorMs),
      floorRuns: floorRuns.map(round),
      ratioToFloor: round(sweepMs / floorMs),
      batchRequests: requests.filter((r) => r.url.includes('$batch')).length,
      retriedAttempts: requests.filter((r) => r.failed !== undefined).length,
      stepsMs: Object.fromEntries(
        Object.entries(result?.stepsMs ?? {}).map(([step, ms]) => [step, round(ms)]),
      ),
      findDueMs: round(result?.readMs ?? Number.NaN),
      findDueRatioToBareRead: round((result?.readMs ?? Number.NaN) / bare),
      note: 'ratioToBareRead is the whole sweep (claim, commit, $batch send, record, settle per due case) over the bare read of the due rows; ratioToFloor is the whole sweep over the raw floor (bare read + a point read and two batched writes per due case, mean of two runs just before the sweep); findDueRatioToBareRead is its reading part (index marks, watermark, partitions)',
    });
  } finally {
    await rig.graph.stop();
  }
}
