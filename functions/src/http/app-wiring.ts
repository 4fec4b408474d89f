import type { TenantPolicy } from '../auth/claims';
import { createAppServices, type AppServices } from '../services/create-case-service';
import { ProviderAdmin } from '../services/provider-admin';
import { deliveryFromConfig } from '../services/delivery/delivery-from-config';
import type { ProviderDirectory } from '../services/provider-directory';
import { SettingsImpact } from '../services/settings-impact';
import type { AppWiring, ServiceDeps } from './compose-runtime';

/** Tenants that may sign in: the union of every stored provider's `tenants` (cached by the directory). */
export function providerTenantPolicy(providers: ProviderDirectory): TenantPolicy {
  return async (tid) => {
    for (const provider of (await providers.all()).values()) {
      if (provider.settings.tenants.some((allowed) => allowed.toLowerCase() === tid)) return true;
    }
    return false;
  };
}

/** The service and tenant policy both hosts use, from already-built application services. */
export function appWiring(services: AppServices): AppWiring {
  return {
    service: services.cases,
    isAllowedTenant: providerTenantPolicy(services.providers),
    providerAdmin: new ProviderAdmin(services.providers, {
      audit: services.audit,
      impact: new SettingsImpact(services.store, services.commands),
    }),
    sweep: services.sweep,
    providers: services.providers,
    record: services.record,
    overview: services.overview,
    ...(services.relay === undefined ? {} : { relay: services.relay }),
  };
}

/** Builds the application services on the configured storage and wires them (Azure entry point). */
export function createAppWiring(deps: ServiceDeps): AppWiring {
  return appWiring(
    createAppServices(deps.connection, {
      delivery: deliveryFromConfig(deps.config, deps.log, deps.connection),
    }),
  );
}
