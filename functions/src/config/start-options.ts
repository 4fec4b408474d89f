import { z } from 'zod';
import { StartupError } from './startup-error';

/** Options of `npm start` (the local product on one machine). */
export interface StartOptions {
  /** Port of the local host: API, tab and local IdP. */
  readonly port: number;
  /** Port of the Azurite table service. */
  readonly azuritePort: number;
  /** Where Azurite keeps its data; undefined means the repository's git-ignored `.data/azurite`. */
  readonly azuriteDataDir: string | undefined;
  /** Port of the Azurite queue service (the outbox queue). */
  readonly azuriteQueuePort: number;
  /** Port of the local Graph stand-in (and its token endpoint). */
  readonly graphPort: number;
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const schema = z.object({
  PORT: port(7071),
  AZURITE_TABLE_PORT: port(10002),
  AZURITE_DATA_DIR: z.string().min(1).max(1024).optional(),
  AZURITE_QUEUE_PORT: port(10001),
  GRAPH_PORT: port(7072),
});

/**
 * Reads `PORT` (default 7071), `AZURITE_TABLE_PORT` (10002), `AZURITE_QUEUE_PORT` (10001),
 * `GRAPH_PORT` (7072) and `AZURITE_DATA_DIR`; frozen.
 */
export function loadStartOptions(env: Readonly<Record<string, string | undefined>>): StartOptions {
  const parsed = schema.safeParse({
    PORT: env.PORT === '' ? undefined : env.PORT,
    AZURITE_TABLE_PORT: env.AZURITE_TABLE_PORT === '' ? undefined : env.AZURITE_TABLE_PORT,
    AZURITE_DATA_DIR: env.AZURITE_DATA_DIR === '' ? undefined : env.AZURITE_DATA_DIR,
    AZURITE_QUEUE_PORT: env.AZURITE_QUEUE_PORT === '' ? undefined : env.AZURITE_QUEUE_PORT,
    GRAPH_PORT: env.GRAPH_PORT === '' ? undefined : env.GRAPH_PORT,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new StartupError(`Invalid start options: ${issues.join('; ')}`);
  }
  return Object.freeze({
    port: parsed.data.PORT,
    azuritePort: parsed.data.AZURITE_TABLE_PORT,
    azuriteDataDir: parsed.data.AZURITE_DATA_DIR,
    azuriteQueuePort: parsed.data.AZURITE_QUEUE_PORT,
    graphPort: parsed.data.GRAPH_PORT,
  });
}
