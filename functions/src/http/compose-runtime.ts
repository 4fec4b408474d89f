import type { TenantPolicy } from '../auth/claims';
import { createTokenValidator } from '../auth/token-validator';
import type { AppConfig } from '../config/app-config';
import { createTableServiceClient, tableConnection } from '../config/table-service';
import type { TableConnection } from '../infrastructure/tables/table-clients';
import type { CaseServicePort } from '../services/case-service-port';
import type { CaseRecord } from '../services/case-record';
import type { ProviderAdmin } from '../services/provider-admin';
import type { ReviewSweep } from '../services/review-sweep';
import type { OutboxRelay } from '../services/delivery/outbox-relay';
import type { ProviderDirectory } from '../services/provider-directory';
import type { ProviderOverviewService } from '../services/provider-overview';
import type { Logger } from './logger';
import { createUserLimiter } from './user-rate-limit';
import type { AppRuntime } from './runtime';

/** What a service factory gets: the configuration and how to reach storage. */
export interface ServiceDeps {
  readonly config: AppConfig;
  readonly connection: TableConnection;
  readonly log: Logger;
}

/** The application service and who may sign in (the union of every provider's `tenants`). */
export interface AppWiring {
  readonly service: CaseServicePort;
  readonly isAllowedTenant: TenantPolicy;
  /** Provider settings reads and writes (optional for hosts that serve no settings routes). */
  readonly providerAdmin?: ProviderAdmin;
  /** The overdue-review sweep the timer runs. */
  readonly sweep?: ReviewSweep;
  /** The provider directory the service uses (shared with the bot). */
  readonly providers?: ProviderDirectory;
  /** The student's record (issue 12): verification, PDFs, exports. */
  readonly record?: CaseRecord;
  /** The outbox relay (queue trigger, re-drive timer). */
  readonly relay?: OutboxRelay;
  /** The provider overview (issue 10). */
  readonly overview?: ProviderOverviewService;
}

/** What the host supplies to build the runtime. */
export interface RuntimeParts {
  readonly config: AppConfig;
  readonly log: Logger;
  /** Builds the application service and the tenant policy on the configured storage. */
  readonly createServices: (deps: ServiceDeps) => AppWiring;
}

/** Builds the runtime (storage clients, token validator, service) from the configuration. */
export function composeRuntime(parts: RuntimeParts): AppRuntime {
  const { config, log } = parts;
  const connection = tableConnection(config.tables);
  const { service, isAllowedTenant, providerAdmin, sweep, providers, record, relay, overview } =
    parts.createServices({
      config,
      connection,
      log,
    });
  const validateToken = createTokenValidator({
    jwksUrl: config.auth.jwksUrl,
    clientId: config.auth.clientId,
    ...(config.auth.appIdUri === undefined ? {} : { appIdUri: config.auth.appIdUri }),
    isAllowedTenant,
  });
  return {
    config,
    log,
    connection,
    tables: createTableServiceClient(connection),
    validateToken,
    limitUser: createUserLimiter(config.rateLimits.api),
    service,
    ...(providerAdmin === undefined ? {} : { providerAdmin }),
    ...(sweep === undefined ? {} : { sweep }),
    ...(providers === undefined ? {} : { providers }),
    ...(record === undefined ? {} : { record }),
    ...(relay === undefined ? {} : { relay }),
    ...(overview === undefined ? {} : { overview }),
  };
}
