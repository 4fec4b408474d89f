import { TableClient } from '@azure/data-tables';
import fc from 'fast-check';
import type { CaseCommand } from '@shared/domain/commands';
import type { CaseState } from '@shared/domain/state';
import { reviewsSweepTimer } from '../../../functions/src/functions/reviews-sweep-timer';
import type { Logger } from '../../../functions/src/http/logger';
import {
  installRuntime,
  uninstallRuntime,
  type AppRuntime,
} from '../../../functions/src/http/runtime';
import { snapshotRowKey } from '../../../functions/src/infrastructure/tables/row-keys';
import { TransientStorageError } from '../../../functions/src/infrastructure/tables/storage-errors';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import {
  ReviewSweep,
  ReviewSweepIncompleteError,
  type SweepCommands,
  type SweepResult,
} from '../../../functions/src/services/review-sweep';
import {
  bfCaseAt,
  cmd,
  freshServices,
  meStage1NotOnTrajectory,
  must,
  who,
} from '../../support/service-fixture';

const ME = 'mid-essex-itt';
const BF = 'bright-futures-scitt';

/** The app services on fresh tables, with a client of the case table (to damage a row by hand). */
async function services(clock: () => Date) {
  const s = await freshServices(clock);
  const casesClient = TableClient.fromConnectionString(
    process.env.AZURE_TABLES_CONNECTION_STRING ?? '',
    s.tables.cases,
    { allowInsecureConnection: true },
  );
  return { ...s, casesClient };
}
type Services = Awaited<ReturnType<typeof services>>;

/** A Mid Essex case for `trainee` in Stage 1 (not yet on trajectory): it has a review window. */
const meStage1 = (s: Services, trainee: string) => meStage1NotOnTrajectory(s, trainee);

/**
 * A Bright Futures case in Stage 1 with its review date set a week after `now` (Bright Futures
 * sets no window, BF-30, so the Programme Lead sets the date).
 */
async function bfStage1(s: Services, now: Date): Promise<string> {
  const id = await bfCaseAt(s, 'stage-1');
  const reviewDate = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const set: CaseCommand = { type: 'setReviewDate', reviewDate };
  must(await s.cases.execute(who('bf-programme-lead'), id, set, cmd()));
  return id;
}

/** The date a case's review is due (overdue from the day after). */
async function reviewDue(s: Services, id: string): Promise<string> {
  const viewer = id.startsWith(BF) ? who('bf-programme-lead') : who('me-course-tutor');
  const stage = must(await s.cases.getCase(viewer, id)).stage;
  const due = stage?.plan.reviewDate ?? stage?.reviewWindow?.latest;
  if (due === undefined || due === null) throw new Error(`case ${id} has no review date`);
  return due;
}

/** 09:00 UTC on the day after `date` (YYYY-MM-DD). */
function dayAfter(date: string): Date {
  const d = new Date(`${date}T09:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

const providerOf = (id: string): string => (id.startsWith(BF) ? BF : ME);

/** How many ReviewOverdueFlagged events a case's stored audit history holds. */
async function flags(s: Services, id: string): Promise<number> {
  const events = await s.store.events(providerOf(id), id);
  return events.filter((e) => e.type === 'ReviewOverdueFlagged').length;
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** Replaces a snapshot row's state JSON by hand (a bad migration or hand edit). */
async function damageState(s: Services, id: string, stateJson: string): Promise<void> {
  const row = await s.casesClient.getEntity(providerOf(id), snapshotRowKey(id));
  const kept = Object.fromEntries(
    Object.entries(row).filter(
      ([name]) =>
        !/^state_\d+$/.test(name) && !['etag', 'timestamp'].includes(name) && !name.includes('@'),
    ),
  );
  await s.casesClient.updateEntity(
    { ...kept, partitionKey: providerOf(id), rowKey: snapshotRowKey(id), state_0: stateJson },
    'Replace',
  );
}

/** A sweep over the services' own index and store, with the commands given (a seam). */
function sweepWith(s: Services, commands: SweepCommands, clock: () => Date): ReviewSweep {
  return new ReviewSweep({
    commands,
    store: s.store,
    index: s.dueIndex,
    providers: s.providers,
    clock,
  });
}

type Answers = Awaited<ReturnType<SweepCommands['persistMany']>>;

type Failpoint = 'throw-before-commit' | 'throw-after-commit' | 'killed-after-commit';

/**
 * The real commands with a failpoint on the k-th escalation (the sweep commits many cases in
 * shared transactions: the k-th item across its calls): the store is down for that case (nothing
 * written for it, the others commit), the response is lost after storage committed, or the host
 * kills the invocation right after the commit (the run never returns).
 */
function withFailpoint(s: Services, k: number, failpoint: Failpoint) {
  let calls = 0;
  let failedCase: string | undefined;
  let onKilled: () => void = () => undefined;
  const killed = new Promise<'killed'>((resolve) => {
    onKilled = () => {
      resolve('killed');
    };
  });
  const failure = () => ({ ok: false as const, error: new TransientStorageError('failpoint') });
  const commands: SweepCommands = {
    context: (provider) => s.commands.context(provider),
    persistMany: async (items) => {
      const at = k - 1 - calls;
      calls += items.length;
      if (at < 0 || at >= items.length) return s.commands.persistMany(items);
      failedCase = items[at]?.stored?.caseId;
      if (failpoint === 'throw-before-commit') {
        const others: Answers = await s.commands.persistMany(items.filter((_, i) => i !== at));
        others.splice(at, 0, failure());
        return others;
      }
      const answers = await s.commands.persistMany(items);
      if (failpoint === 'throw-after-commit') {
        answers[at] = failure();
        return answers;
      }
      onKilled();
      return new Promise<Answers>(() => undefined);
    },
  };
  return { commands, killed, failedCase: () => failedCase };
}

describe('review sweep: failures, crashes and missed ticks (I5, I6)', () => {
  afterEach(() => {
    uninstallRuntime();
  });

  it('I6: a failure or kill at the k-th case, then a clean rerun, escalates every overdue case exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<Failpoint>(
          'throw-before-commit',
          'throw-after-commit',
          'killed-after-commit',
        ),
        async (k, failpoint) => {
          let now = new Date('2026-01-05T09:00:00Z');
          const clock = () => now;
          const s = await services(clock);
          const ids = [
            await meStage1(s, 'me-trainee-1'),
            await meStage1(s, 'me-trainee-2'),
            await meStage1(s, 'me-trainee-3'),
            await bfStage1(s, now),
          ];
          const latest = (await Promise.all(ids.map((id) => reviewDue(s, id)))).sort();
          now = dayAfter(latest[latest.length - 1] ?? '');

          const fp = withFailpoint(s, k, failpoint);
          const failing = sweepWith(s, fp.commands, clock);
          const first = await Promise.race([failing.run(), fp.killed]);
          const failedCase = fp.failedCase();
          expect(ids).toContain(failedCase);
          if (failpoint === 'killed-after-commit') {
            expect(first).toBe('killed');
          } else {
            const result = first as SweepResult;
            expect(result.failed).toEqual([
              {
                providerId: providerOf(failedCase ?? ''),
                caseId: failedCase,
                kind: 'TransientStorageError',
              },
            ]);
            expect(sorted(result.escalated)).toEqual(sorted(ids.filter((i) => i !== failedCase)));
          }

          // A sweep killed mid-run holds its claims until the lease (10 minutes) runs out.
          now = new Date(now.getTime() + 11 * 60_000);
          const rerun = await s.sweep.run();
          expect(rerun.failed).toEqual([]);
          for (const id of ids) expect(await flags(s, id)).toBe(1);
          expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] });
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('I6: a case whose stored snapshot is corrupt is reported as failed and does not stop the others', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await services(() => now);
    // Corrupt the first Mid Essex case in listing (RowKey) order, so others follow it.
    const me = sorted([await meStage1(s, 'me-trainee-1'), await meStage1(s, 'me-trainee-2')]);
    const corrupt = me[0] ?? '';
    const others = [...me.slice(1), await bfStage1(s, now)];
    const latest = (await Promise.all([corrupt, ...others].map((id) => reviewDue(s, id)))).sort();
    await damageState(s, corrupt, JSON.stringify({ caseId: corrupt, note: 'hand edit' }));
    now = dayAfter(latest[latest.length - 1] ?? '');

    const result = await s.sweep.run();
    expect(sorted(result.escalated)).toEqual(sorted(others));
    expect(result.failed).toEqual([{ providerId: ME, caseId: corrupt, kind: 'CorruptRowError' }]);
    for (const id of others) expect(await flags(s, id)).toBe(1);
    expect(await flags(s, corrupt)).toBe(0);
    // Still corrupt on the next run: reported again, the others are not escalated twice.
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: result.failed });
  });

  it('I6/I7: the timer logs the failed case by id only and fails the invocation so the retry policy runs', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await services(() => now);
    const [corrupt = '', other = ''] = sorted([
      await meStage1(s, 'me-trainee-1'),
      await meStage1(s, 'me-trainee-2'),
    ]);
    const latest = (await Promise.all([corrupt, other].map((id) => reviewDue(s, id)))).sort();
    await damageState(s, corrupt, JSON.stringify({ caseId: corrupt, note: 'hand edit' }));
    now = dayAfter(latest[latest.length - 1] ?? '');

    const lines: { level: string; message: string; data: unknown }[] = [];
    const log: Logger = {
      info: (message, data) => lines.push({ level: 'info', message, data }),
      warn: (message, data) => lines.push({ level: 'warn', message, data }),
      error: (message, data) => lines.push({ level: 'error', message, data }),
    };
    installRuntime({ log, sweep: s.sweep } as unknown as AppRuntime);
    await expect(reviewsSweepTimer.handler(now)).rejects.toBeInstanceOf(ReviewSweepIncompleteError);
    expect(await flags(s, other)).toBe(1);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toEqual([
      {
        level: 'error',
        message: 'Review sweep could not process 1 case(s)',
        data: { failures: [{ providerId: ME, caseId: corrupt, kind: 'CorruptRowError' }] },
      },
    ]);
    const logged = JSON.stringify(lines);
    for (const p of demoPersonas) expect(logged).not.toContain(p.name);
    expect(logged).not.toContain('hand edit');
  });

  it('I6: a case another writer changes between listing and commit is re-read and escalated; a race lost every time is reported as Conflict', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await services(() => now);
    const id = await meStage1(s, 'me-trainee-1');
    now = dayAfter(await reviewDue(s, id));

    // Always losing: three attempts (re-reading each time), then reported, nothing written.
    let attempts = 0;
    const losing: SweepCommands = {
      context: (provider) => s.commands.context(provider),
      persistMany: (items) => {
        attempts += items.length;
        return Promise.resolve(
          items.map((item) => ({
            ok: true as const,
            outcome: { kind: 'conflict' as const },
            next: item.state as CaseState,
          })),
        );
      },
    };
    const lost = await sweepWith(s, losing, () => now).run();
    expect(lost).toMatchObject({
      escalated: [],
      failed: [{ providerId: ME, caseId: id, kind: 'Conflict' }],
    });
    expect(attempts).toBe(3);

    // A real race: a person writes to the case after the sweep read it (412 on our commit).
    let raced = false;
    const racing: SweepCommands = {
      context: (provider) => s.commands.context(provider),
      persistMany: async (items) => {
        if (!raced) {
          raced = true;
          const note: CaseCommand = {
            type: 'addTarget',
            text: 'Plan lessons with clear objectives',
            actions: ['Share plans 2 days ahead'],
            indicators: ['AI 2.3'],
            monitoring: 'Weekly',
            successCriteria: 'Two lessons judged securing',
          };
          must(await s.cases.execute(who('me-course-tutor'), id, note, cmd()));
        }
        return s.commands.persistMany(items);
      },
    };
    const won = await sweepWith(s, racing, () => now).run();
    expect(raced).toBe(true);
    expect(won).toMatchObject({ escalated: [id], failed: [] });
    expect(await flags(s, id)).toBe(1);
  });

  it('I6: an unparseable snapshot row fails its own case only; the provider\u2019s other cases are swept', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await services(() => now);
    const broken = await meStage1(s, 'me-trainee-1');
    const sibling = await meStage1(s, 'me-trainee-2');
    const other = await bfStage1(s, now);
    const due = await Promise.all([broken, sibling, other].map((id) => reviewDue(s, id)));
    await damageState(s, broken, '{not json');
    now = dayAfter(due.sort()[due.length - 1] ?? '');

    const result = await s.sweep.run();
    expect(sorted(result.escalated)).toEqual(sorted([sibling, other]));
    expect(result.failed).toEqual([{ providerId: ME, caseId: broken, kind: 'CorruptRowError' }]);
    expect(await flags(s, sibling)).toBe(1);
    expect(await flags(s, other)).toBe(1);
  });

  it('I5: after three skipped timer ticks, one run escalates every overdue review once; a second run escalates nothing', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await services(() => now);
    const a = await meStage1(s, 'me-trainee-1');
    now = new Date('2026-01-07T09:00:00Z');
    const b = await meStage1(s, 'me-trainee-2');
    now = new Date('2026-01-09T09:00:00Z');
    const c = await bfStage1(s, now);
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] });

    // Three ticks are skipped (the host was down), each the day after one more review fell due.
    const due = (await Promise.all([a, b, c].map((id) => reviewDue(s, id)))).sort();
    expect(new Set(due).size).toBe(3);
    const skippedTicks = due.map(dayAfter);
    expect(skippedTicks[0]?.getTime()).toBeGreaterThan(now.getTime());
    // The first tick that runs, a day after the last skipped one; a fourth case is not yet due.
    now = new Date((skippedTicks[2]?.getTime() ?? 0) + 86_400_000);
    const notYetDue = await meStage1(s, 'me-trainee-3');
    expect((await reviewDue(s, notYetDue)) > now.toISOString().slice(0, 10)).toBe(true);

    const caughtUp = await s.sweep.run();
    expect(caughtUp.failed).toEqual([]);
    expect(sorted(caughtUp.escalated)).toEqual(sorted([a, b, c]));
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] });
    for (const id of [a, b, c]) expect(await flags(s, id)).toBe(1);
    expect(await flags(s, notYetDue)).toBe(0);
  });
});
