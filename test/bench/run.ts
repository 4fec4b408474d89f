/**
 * `npm run bench`: one JSON line per measure. Starts its own Azurite, measures, stops it.
 * Ratios compare measurements taken in the same run, interleaved, on the same machine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite } from '../support/azurite';
import { benchApi } from './api-bench';
import { benchEngine } from './engine-bench';
import { benchListing } from './list-bench';
import { benchTab } from './tab-bench';

async function main(): Promise<void> {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 60);
  const azurite = await startAzurite({
    location: mkdtempSync(path.join(tmpdir(), 'azurite-bench-')),
    inMemory: true,
  });
  try {
    await benchEngine(azurite.connectionString, iterations);
    await benchApi(azurite.connectionString);
    await benchListing(azurite.connectionString);
    await benchTab(azurite.connectionString);
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
