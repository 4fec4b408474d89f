import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteHandle } from './azurite';

/** The Azurite started by global setup, with its throw-away workspace. */
export type RunAzurite = AzuriteHandle & { readonly location: string };

const RUN_KEY = Symbol.for('support-plan-teams.azurite');
const holder = globalThis as { [RUN_KEY]?: RunAzurite };

/** Takes the run's Azurite off globalThis (global setup and teardown share one process). */
export function takeAzurite(): RunAzurite | undefined {
  const azurite = holder[RUN_KEY];
  holder[RUN_KEY] = undefined;
  return azurite;
}

/** Starts one in-memory Azurite (tables and queues) for the whole jest run and exports its connection strings. */
export default async function globalSetup(): Promise<void> {
  const location = mkdtempSync(path.join(tmpdir(), 'azurite-test-'));
  const azurite = await startAzurite({ location, inMemory: true, queuePort: 0 });
  process.env.AZURE_TABLES_CONNECTION_STRING = azurite.connectionString;
  process.env.AZURE_QUEUES_CONNECTION_STRING = azurite.queue?.connectionString;
  holder[RUN_KEY] = { ...azurite, location };
}
