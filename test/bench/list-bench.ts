import { randomUUID } from 'node:crypto';
import { demoProviders } from '../../functions/src/local/demo-providers';
import {
  createAppServices,
  type AppServices,
} from '../../functions/src/services/create-case-service';
import { who } from '../support/service-fixture';
import { openBenchCase } from './bench-cases';
import { percentile, report, round, timed } from './stats';

const CASES = 300;
const MINE = 3;
const RUNS = 30;

/** Comments per case, so each stored state is a realistic few kilobytes, not a fresh case's. */
const COMMENTS = 4;
const note = 'Observed lesson: pacing and questioning discussed with the mentor. '.repeat(20);

async function openCase(services: AppServices, participants: string[]): Promise<void> {
  const caseId = await openBenchCase(services, participants);
  for (let i = 0; i < COMMENTS; i += 1) {
    const added = await services.cases.execute(
      who('me-course-tutor'),
      caseId,
      { type: 'addComment', text: note, visibility: 'staff' },
      randomUUID(),
    );
    if (!added.ok) throw new Error(added.refusal.message);
  }
}

/**
 * "My cases" for a mentor with 3 cases in a provider with 300, against reading every case of the
 * provider in full (what a listing without the key-only query costs), in the same run.
 */
export async function benchListing(connectionString: string): Promise<void> {
  const suffix = Date.now();
  const services = createAppServices(
    { connectionString },
    { tables: { cases: `listcases${suffix}`, providers: `listproviders${suffix}` } },
  );
  for (const provider of demoProviders) {
    const saved = await services.providers.put(provider, null, null);
    if (!saved.ok) throw new Error(saved.refusal.message);
  }
  for (let i = 0; i < CASES; i += 1) {
    await openCase(services, i < MINE ? ['me-course-tutor', 'me-mentor'] : ['me-course-tutor']);
  }
  const mentor = who('me-mentor');
  const listing: number[] = [];
  const fullScan: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    listing.push(
      await timed(async () => {
        const listed = await services.cases.listMine(mentor, {});
        if (!listed.ok || listed.value.length !== MINE) throw new Error('listing is wrong');
      }),
    );
    fullScan.push(
      await timed(async () => {
        for await (const snapshot of services.store.listSnapshots('mid-essex-itt')) {
          if (snapshot.caseId === '') throw new Error('unreachable');
        }
      }),
    );
  }
  const p50 = percentile(listing, 50);
  report({
    measure: 'list-scale',
    provider_cases: CASES,
    mine: MINE,
    p50_ms: round(p50),
    p95_ms: round(percentile(listing, 95)),
    full_scan_p50_ms: round(percentile(fullScan, 50)),
    ratio_to_full_scan_p50: round(p50 / percentile(fullScan, 50)),
  });
}
