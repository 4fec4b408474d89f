import { rmSync } from 'node:fs';
import { takeAzurite } from './global-setup';

/** Stops the Azurite that global-setup started and removes its workspace. */
export default async function globalTeardown(): Promise<void> {
  const azurite = takeAzurite();
  if (azurite === undefined) return;
  await azurite.stop();
  rmSync(azurite.location, { recursive: true, force: true });
}
