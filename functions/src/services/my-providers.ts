import type { Identity } from '@shared/domain/context';
import type { Role } from '@shared/domain/roles';
import { roleLabel } from '@shared/domain/stage-lookup';
import { isProviderWide, staffRolesOf } from './provider-access';
import type { ProviderDirectory } from './provider-directory';

/** A provider whose staff directory names the caller, with the provider views they may open. */
export interface MyProvider {
  readonly providerId: string;
  readonly name: string;
  readonly roles: readonly { readonly role: Role; readonly label: string }[];
  /** `overview` and `settings` for programme leads and directors; the tab links only these. */
  readonly views: readonly ('overview' | 'settings')[];
}

/** The providers that list the caller as staff (signing in from one of their tenants). */
export async function myProviders(
  providers: ProviderDirectory,
  who: Identity,
): Promise<MyProvider[]> {
  const mine: MyProvider[] = [];
  for (const provider of (await providers.all()).values()) {
    const roles = staffRolesOf(provider.settings, who);
    if (roles.length === 0) continue;
    mine.push({
      providerId: provider.settings.providerId,
      name: provider.settings.name,
      roles: roles.map((role) => ({ role, label: roleLabel(provider.definition, role) })),
      views: isProviderWide(provider.settings, who) ? ['overview', 'settings'] : [],
    });
  }
  return mine;
}
