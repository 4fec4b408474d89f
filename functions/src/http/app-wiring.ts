import { fail, refuse } from '@shared/errors/refusal';
import type { TenantPolicy } from '../auth/claims';
import { tenantAllowList } from '../auth/tenant-allow-list';
import type { AppConfig } from '../config/app-config';
import { demoTenantIds } from '../local/demo-personas';
import type { CaseServicePort } from '../services/case-service-port';
import type { ServiceDeps } from './compose-runtime';

const notWired = () =>
  Promise.resolve(
    fail<never>(refuse('STORAGE_UNAVAILABLE', 'The case service is not wired into the host yet.')),
  );

/**
 * The application service both hosts (Azure and local) serve.
 * TODO(lead): return the real service from `services/case-service.ts` on `deps.connection`.
 */
export function createAppService(deps: ServiceDeps): CaseServicePort {
  deps.log.warn('Case service not wired: case routes answer 503 until app-wiring.ts builds it.');
  return {
    openCase: notWired,
    execute: notWired,
    getCase: notWired,
    available: notWired,
    history: notWired,
    listMine: notWired,
  };
}

/**
 * Which tenants may sign in: the union of every provider's `tenants`.
 * TODO(lead): read the provider registry. Until then production admits no tenant (safe default).
 */
export function appTenantPolicy(config: AppConfig): TenantPolicy {
  return config.appEnv === 'local' ? tenantAllowList([demoTenantIds]) : () => false;
}
