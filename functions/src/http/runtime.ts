import type { TableServiceClient } from '@azure/data-tables';
import type { TokenValidator } from '../auth/token-validator';
import type { AppConfig } from '../config/app-config';
import type { TableConnection } from '../infrastructure/tables/table-clients';
import type { CaseServicePort } from '../services/case-service-port';
import type { CaseRecord } from '../services/case-record';
import type { ProviderAdmin } from '../services/provider-admin';
import type { ReviewSweep } from '../services/review-sweep';
import type { OutboxRelay } from '../services/delivery/outbox-relay';
import type { ProviderDirectory } from '../services/provider-directory';
import type { ProviderOverviewService } from '../services/provider-overview';
import type { Logger } from './logger';
import type { UserLimiter } from './user-rate-limit';

/** Everything route handlers depend on, built once at start-up by the host. */
export interface AppRuntime {
  readonly config: AppConfig;
  readonly log: Logger;
  readonly connection: TableConnection;
  readonly tables: TableServiceClient;
  readonly validateToken: TokenValidator;
  readonly service: CaseServicePort;
  readonly providerAdmin?: ProviderAdmin;
  readonly sweep?: ReviewSweep;
  readonly providers?: ProviderDirectory;
  /** The outbox relay the queue trigger and re-drive timer run (absent: Graph not configured). */
  readonly relay?: OutboxRelay;
  /** R3: requests per signed-in person (absent: no limit, e.g. in tests that build a runtime by hand). */
  readonly limitUser?: UserLimiter;
  /** The student's record (issue 12): verification, PDFs, exports. */
  readonly record?: CaseRecord;
  /** The provider overview for programme leads and directors (issue 10). */
  readonly overview?: ProviderOverviewService;
}

/** A handler ran before the host installed the runtime (a wiring bug). */
export class RuntimeNotInstalledError extends Error {
  override readonly name = 'RuntimeNotInstalledError';
}

let installed: AppRuntime | undefined;

/** Installs the runtime; hosts call this once before serving. */
export function installRuntime(runtime: AppRuntime): void {
  installed = Object.freeze(runtime);
}

/** Removes the runtime (tests and local-host shutdown). */
export function uninstallRuntime(): void {
  installed = undefined;
}

/** The installed runtime; throws `RuntimeNotInstalledError` before start-up finished. */
export function runtime(): AppRuntime {
  if (installed === undefined)
    throw new RuntimeNotInstalledError('The app runtime is not installed yet.');
  return installed;
}
