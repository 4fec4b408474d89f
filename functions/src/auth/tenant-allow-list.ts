import type { TenantPolicy } from './claims';

/** A tenant policy allowing the union of the given tenant lists (each provider's `tenants`). */
export function tenantAllowList(tenantLists: Iterable<readonly string[]>): TenantPolicy {
  const allowed = new Set<string>();
  for (const list of tenantLists) for (const tid of list) allowed.add(tid.toLowerCase());
  return (tid) => allowed.has(tid.toLowerCase());
}
