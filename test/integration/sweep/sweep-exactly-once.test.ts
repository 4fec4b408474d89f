/**
 * Issue 9 §4: the timed sweep on Azurite and the local Graph. Two overlapping sweeps, a sweep
 * killed at each step boundary, and a run after two days of downtime each end with every due
 * reminder accepted by Graph exactly once, counted at the local Graph. The reference is one clean
 * sweep over the same cases; keys name the case by its trainee so rigs compare.
 */
import { TableClient } from '@azure/data-tables';
import type { DeliveryRig } from '../../support/graph-fixture';
import {
  acceptedTimed,
  movingClock,
  sweepKilledAt,
  sweepRig,
  type Boundary,
  type Clock,
} from './sweep-rig';

jest.setTimeout(120_000);

const opened = '2026-01-05T09:00:00Z';
/** The Stage 1 window (5-10 school days, ME-16) ends on 19 January; overdue from the 20th. */
const overdueDay = '2026-01-20T09:00:00Z';

let rigs: DeliveryRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.map((r) => r.graph.stop()));
  rigs = [];
});

async function start(clock: Clock) {
  const rig = await sweepRig(clock);
  rigs.push(rig);
  return rig;
}

/** The accepted notifications with each case id replaced by its position (trainee 1..3). */
function normalised(rig: Awaited<ReturnType<typeof sweepRig>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, count] of acceptedTimed(rig)) {
    const named = rig.ids.reduce(
      (k, id, i) => k.replaceAll(encodeURIComponent(id), `case${String(i + 1)}`),
      key,
    );
    out.set(named, count);
  }
  return out;
}

/** One clean catch-up sweep on the overdue day: what "every due reminder once" means here. */
async function reference(): Promise<Map<string, number>> {
  const clock = movingClock(opened);
  const rig = await start(clock);
  clock.set(overdueDay);
  const result = await rig.services.sweep.run();
  expect(result.failed).toEqual([]);
  return normalised(rig);
}

const once = (m: Map<string, number>) => [...m.values()].every((n) => n === 1);

describe('timed sweep: every due reminder sent exactly once (issue 9 §4)', () => {
  let expected: Map<string, number>;
  beforeAll(async () => {
    expected = await reference();
    await Promise.all(rigs.map((r) => r.graph.stop()));
    rigs = [];
  });

  it('ME-16, ME-27: the reference sweep sends the notice, the due-today and the first overdue rung for each case, once each', () => {
    for (const n of [1, 2, 3]) {
      for (const type of ['review-due', 'review-due-today', 'review-overdue'])
        expect([...expected.keys()].some((k) => k.includes(`case${String(n)}|${type}`))).toBe(true);
    }
    expect(once(expected)).toBe(true);
  });

  it('ADR 0015: a steady-state sweep reads each due case once and writes everything else in shared transactions (no outbox query, claim or single-row write)', async () => {
    const clock = movingClock(opened);
    const rig = await start(clock);
    const s = rig.services;
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] }); // marks current
    clock.set(overdueDay);
    s.counter.reset();
    const result = await s.sweep.run();
    expect(result).toMatchObject({ failed: [] });
    expect(result.escalated).toHaveLength(3);
    const requests = s.counter.requests;
    const onCases = requests.filter((r) => r.url.includes(`/${s.tables.cases}`));
    // One point read per due case: the state decides. Nothing else on the case table alone.
    expect(onCases).toHaveLength(3);
    expect(onCases.every((r) => r.method === 'GET' && r.url.includes("RowKey='c|"))).toBe(true);
    // Single-row index writes: only the watermark and the claims mark.
    const indexWrites = requests.filter(
      (r) => r.method !== 'GET' && r.url.includes(`/${s.tables.dueIndex}`),
    );
    expect(indexWrites.length).toBeLessThanOrEqual(2);
    // One commit and one record transaction for the three cases; claims, removals and
    // finishes a transaction per day partition read with rows.
    const batches = requests.filter((r) => r.url.endsWith('$batch')).length;
    expect(batches).toBeLessThanOrEqual(2 + 3 * result.rowsRead);
    expect({ rowsRead: result.rowsRead, batches }).toMatchInlineSnapshot(`
     {
       "batches": 11,
       "rowsRead": 9,
     }
    `);
  });

  it('two overlapping sweeps send each due reminder once', async () => {
    const clock = movingClock(opened);
    const rig = await start(clock);
    clock.set(overdueDay);
    const other = sweepKilledAt(rig, 'none', clock).sweep;
    const [a, b] = await Promise.all([rig.services.sweep.run(), other.run()]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    expect([...a.escalated, ...b.escalated].sort()).toEqual([...rig.ids].sort());
    expect(normalised(rig)).toEqual(expected);
  });

  it.each<Boundary>(['after-claim', 'after-commit', 'before-delivery', 'after-record'])(
    'a sweep killed %s, then the next run after the lease and the re-drive: each reminder once',
    async (boundary) => {
      const clock = movingClock(opened);
      const rig = await start(clock);
      clock.set(overdueDay);
      const killed = sweepKilledAt(rig, boundary, clock);
      expect(await Promise.race([killed.sweep.run(), killed.killed])).toBe('killed');
      clock.advance(11 * 60_000); // the claim lease (10 min) and the outbox lease (1 min) pass
      const rerun = await rig.services.sweep.run();
      expect(rerun.failed).toEqual([]);
      await rig.services.relay!.redrive(0);
      expect(await rig.services.sweep.run()).toMatchObject({ escalated: [], failed: [] });
      expect(normalised(rig)).toEqual(expected);
    },
  );

  it('a sweep killed after Graph accepted the batch, before recording: sent again once (no idempotency key for activity notifications, ADR 0005)', async () => {
    const clock = movingClock(opened);
    const rig = await start(clock);
    clock.set(overdueDay);
    const killed = sweepKilledAt(rig, 'after-send', clock);
    expect(await Promise.race([killed.sweep.run(), killed.killed])).toBe('killed');
    clock.advance(11 * 60_000);
    await rig.services.sweep.run();
    await rig.services.relay!.redrive(0);
    const got = normalised(rig);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    // The one batch Graph accepted before the crash is repeated, and nothing else.
    expect([...got.values()].every((n) => n === 2)).toBe(true);
  });

  it('a run after two days of downtime catches up from the watermark: each reminder once', async () => {
    const clock = movingClock(opened);
    const rig = await start(clock);
    for (let day = 5; day <= 18; day += 1) {
      clock.set(`2026-01-${String(day).padStart(2, '0')}T09:00:00Z`);
      expect((await rig.services.sweep.run()).failed).toEqual([]);
    }
    expect(await rig.services.dueIndex.watermark()).toBe('2026-01-16');
    // Down on the 19th (due today) and the 20th (first overdue rung): the 21st catches up.
    clock.set('2026-01-21T09:00:00Z');
    const caughtUp = await rig.services.sweep.run();
    expect(caughtUp.failed).toEqual([]);
    expect([...caughtUp.escalated].sort()).toEqual([...rig.ids].sort());
    expect(await rig.services.sweep.run()).toMatchObject({ escalated: [], rowsRead: 0 });
    expect(normalised(rig)).toEqual(expected);
  });

  it('ADR 0015: claim rows are dropped once no sweep can use them: daily sweeps leave none behind the watermark', async () => {
    const clock = movingClock(opened);
    const rig = await start(clock);
    const s = rig.services;
    let dropped = 0;
    for (let day = 5; day <= 26; day += 1) {
      clock.set(`2026-01-${String(day).padStart(2, '0')}T09:00:00Z`);
      const result = await s.sweep.run();
      expect(result.failed).toEqual([]);
      dropped += result.claimsDropped;
    }
    const watermark = (await s.dueIndex.watermark()) ?? '';
    expect(watermark >= '2026-01-23').toBe(true);
    const index = TableClient.fromConnectionString(
      process.env.AZURE_TABLES_CONNECTION_STRING ?? '',
      s.tables.dueIndex,
      { allowInsecureConnection: true },
    );
    const claims: string[] = [];
    const filter = "PartitionKey ge 'k|' and PartitionKey lt 'k}'";
    for await (const row of index.listEntities({ queryOptions: { filter } }))
      claims.push(row.partitionKey ?? '');
    // Every reminder of the three cases fell due by the 20th: all their claims are gone.
    expect(dropped).toBeGreaterThan(0);
    expect(claims).toEqual([]);
    expect(normalised(rig).size).toBeGreaterThanOrEqual(expected.size);
  });
});
