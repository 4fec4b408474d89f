/**
 * `npm run bench`: one JSON line per measure. Starts its own Azurite, measures, stops it.
 * Ratios compare measurements taken in the same run, interleaved, on the same machine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite } from '../support/azurite';
import { benchApi } from './api-bench';
import { benchDelivery } from './delivery-bench';
import { benchEngine } from './engine-bench';
import { benchListing } from './list-bench';
import { benchRecord } from './record-bench';
import { benchSweep } from './sweep-bench';
import { benchTab } from './tab-bench';

async function main(): Promise<void> {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 60);
  const azurite = await startAzurite({
    location: mkdtempSync(path.join(tmpdir(), 'azurite-bench-')),
    inMemory: true,
    queuePort: 0,
  });
  // The delivery bench builds its services like the tests do, from the environment.
  process.env.AZURE_TABLES_CONNECTION_STRING = azurite.connectionString;
  process.env.AZURE_QUEUES_CONNECTION_STRING = azurite.queue?.connectionString;
  try {
    // BENCH_ONLY=record runs only the record's measures (issue 12); BENCH_ONLY=tab only the tab's;
    // BENCH_ONLY=delivery only commit-to-Graph latency; BENCH_ONLY=sweep only the timed sweep;
    // BENCH_ONLY=core skips the delivery, record, tab and sweep measures.
    const only = process.env.BENCH_ONLY;
    if (only === undefined || only === 'core') {
      await benchEngine(azurite.connectionString, iterations);
      await benchApi(azurite.connectionString);
      await benchListing(azurite.connectionString);
    }
    if (only === undefined || only === 'delivery') await benchDelivery();
    if (only === undefined || only === 'record') await benchRecord(azurite.connectionString);
    if (only === undefined || only === 'tab') await benchTab(azurite.connectionString);
    // BENCH_ONLY=sweep: the timed sweep over the due-date index (issue 9 §4).
    if (only === undefined || only === 'sweep') await benchSweep();
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
