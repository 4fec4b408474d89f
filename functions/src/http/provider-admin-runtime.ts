import type { ProviderAdmin } from '../services/provider-admin';
import { RuntimeNotInstalledError } from './runtime';

let installed: ProviderAdmin | undefined;

/** Installs the provider-settings service; hosts call this next to `installRuntime`. */
export function installProviderAdmin(admin: ProviderAdmin): void {
  installed = admin;
}

/** Removes the provider-settings service (tests and local-host shutdown). */
export function uninstallProviderAdmin(): void {
  installed = undefined;
}

/** The installed provider-settings service; throws `RuntimeNotInstalledError` when not wired. */
export function providerAdmin(): ProviderAdmin {
  if (installed === undefined) throw new RuntimeNotInstalledError('The provider settings service is not installed.');
  return installed;
}
