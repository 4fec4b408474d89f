import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keepAzurite, startAzurite } from './azurite';

/** Starts one in-memory Azurite for the whole jest run and exports its connection string. */
export default async function globalSetup(): Promise<void> {
  const location = mkdtempSync(path.join(tmpdir(), 'azurite-test-'));
  const azurite = await startAzurite({ location, inMemory: true });
  process.env.AZURE_TABLES_CONNECTION_STRING = azurite.connectionString;
  keepAzurite({ ...azurite, location });
}
