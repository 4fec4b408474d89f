import { z } from 'zod';
import { StartupError } from './startup-error';

/** Options of `npm start` (the local product on one machine). */
export interface StartOptions {
  /** Port of the local host: API, tab and local IdP. */
  readonly port: number;
  /** Port of the Azurite table service. */
  readonly azuritePort: number;
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const schema = z.object({ PORT: port(7071), AZURITE_TABLE_PORT: port(10002) });

/** Reads `PORT` (default 7071) and `AZURITE_TABLE_PORT` (default 10002); frozen. */
export function loadStartOptions(env: Readonly<Record<string, string | undefined>>): StartOptions {
  const parsed = schema.safeParse({
    PORT: env.PORT === '' ? undefined : env.PORT,
    AZURITE_TABLE_PORT: env.AZURITE_TABLE_PORT === '' ? undefined : env.AZURITE_TABLE_PORT,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new StartupError(`Invalid start options: ${issues.join('; ')}`);
  }
  return Object.freeze({ port: parsed.data.PORT, azuritePort: parsed.data.AZURITE_TABLE_PORT });
}
