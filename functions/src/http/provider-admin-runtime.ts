import type { ProviderAdmin } from '../services/provider-admin';
import { runtime, RuntimeNotInstalledError } from './runtime';

/** The provider-settings service from the installed runtime; throws when the host did not wire it. */
export function providerAdmin(): ProviderAdmin {
  const admin = runtime().providerAdmin;
  if (admin === undefined) {
    throw new RuntimeNotInstalledError('The provider settings service is not installed.');
  }
  return admin;
}
