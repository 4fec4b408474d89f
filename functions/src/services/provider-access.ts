import type { Identity } from '@shared/domain/context';
import { providerWideRoles, type Role } from '@shared/domain/roles';
import type { ProviderSettings } from '@shared/procedures/provider-settings';

/** The caller's roles in the provider's staff directory, when they sign in from one of its tenants. */
export function staffRolesOf(settings: ProviderSettings, who: Identity): Role[] {
  if (!settings.tenants.includes(who.tid)) return [];
  return settings.staff.filter((s) => s.tid === who.tid && s.oid === who.oid).map((s) => s.role);
}

/** True for the provider's programme leads and directors (they act provider-wide). */
export function isProviderWide(settings: ProviderSettings, who: Identity): boolean {
  return staffRolesOf(settings, who).some((r) => providerWideRoles.includes(r));
}
