import { randomInt } from 'node:crypto';
import type { CaseCommand } from '@shared/domain/commands';
import { demoProviders } from '../../functions/src/local/demo-providers';
import {
  createAppServices,
  type AppServices,
} from '../../functions/src/services/create-case-service';
import { meThroughEveryStage, TestClock } from '../support/record-service-fixture';
import { cmd, meCaseAt, who } from '../support/service-fixture';
import { percentile, report, round, timed } from './stats';

/** Reading a case from storage: the snapshot point read and the range read of its events. */
async function readCase(s: AppServices, caseId: string): Promise<void> {
  await s.store.load('mid-essex-itt', caseId);
  await s.store.events('mid-essex-itt', caseId);
}

/** A Mid Essex case with at least `events` stored events (a Stage 1 plan, then comments). */
async function caseWithEvents(s: AppServices, events: number): Promise<string> {
  const id = await meCaseAt(s, 'stage-1');
  const ct = who('me-course-tutor');
  for (;;) {
    const loaded = await s.store.load('mid-essex-itt', id);
    if ((loaded?.seq ?? 0) >= events) return id;
    const command = {
      type: 'addComment',
      text: `Weekly note ${String(loaded?.seq ?? 0)}`,
      visibility: 'all',
    } as CaseCommand;
    const result = await s.cases.execute(ct, id, command, cmd());
    if (!result.ok) throw new Error(result.refusal.message);
  }
}

/** Interleaves `work` with reading the case from storage; reports p50/p95 of each and their ratios. */
async function measure(
  measureName: string,
  s: AppServices,
  caseId: string,
  iterations: number,
  work: () => Promise<unknown>,
) {
  const read: number[] = [];
  const done: number[] = [];
  await work(); // warm: fonts loaded, code paths compiled
  for (let i = 0; i < iterations; i += 1) {
    read.push(await timed(() => readCase(s, caseId)));
    done.push(await timed(work));
  }
  const p = (xs: number[], q: number) => percentile(xs, q);
  report({
    measure: measureName,
    iterations,
    p50Ms: round(p(done, 50)),
    p95Ms: round(p(done, 95)),
    readP50Ms: round(p(read, 50)),
    readP95Ms: round(p(read, 95)),
    ratioP50: round(p(done, 50) / p(read, 50)),
    ratioP95: round(p(done, 95) / p(read, 95)),
  });
}

/**
 * The record (issue 12): every stage's PDF of a full Mid Essex case, and the appeal bundle of a
 * 500-event case, each as a ratio to reading that case from storage in the same run.
 */
export async function benchRecord(connectionString: string): Promise<void> {
  process.env.AZURE_TABLES_CONNECTION_STRING ??= connectionString;
  const iterations = Number(process.env.BENCH_RECORD_ITERATIONS ?? 8);
  const suffix = `${String(Date.now())}${String(randomInt(1_000_000))}`;
  const tables = {
    cases: `rcases${suffix}`,
    providers: `rproviders${suffix}`,
    securityAudit: `raudit${suffix}`,
  };
  const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
  const s = createAppServices(
    { connectionString },
    { tables, clock: clock.read, providerCacheMs: 3_600_000 },
  );
  for (const provider of demoProviders) {
    const saved = await s.providers.put(provider, null, null);
    if (!saved.ok) throw new Error(saved.refusal.message);
  }
  const director = who('me-director');
  const full = await meThroughEveryStage(s, clock);
  const positions = full.view.stages.map((x) => x.position);
  await measure(
    `record pdf: all ${String(positions.length)} stage PDFs of a full Mid Essex case`,
    s,
    full.caseId,
    iterations,
    async () => {
      for (const n of positions) {
        const pdf = await s.record.stagePdf(director, full.caseId, n);
        if (!pdf.ok) throw new Error(pdf.refusal.message);
      }
    },
  );
  await measure('record pdf: one Stage 3 Cause for Concern form', s, full.caseId, iterations, () =>
    s.record.stagePdf(director, full.caseId, 4),
  );
  const big = await caseWithEvents(s, 500);
  await measure('record appeal bundle: 500-event case', s, big, iterations, async () => {
    const bundle = await s.record.appealBundle(director, big);
    if (!bundle.ok) throw new Error(bundle.refusal.message);
  });
}
