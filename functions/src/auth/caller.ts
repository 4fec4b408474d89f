import type { Identity } from '@shared/domain/context';

/**
 * The Entra app role of the deployment's operator (declared in the app registration's
 * `appRoles`, assigned to people in the enterprise application, sent in the token's `roles`
 * claim). Only it may add a provider or widen a provider's tenants, which widen who may sign in
 * to the whole deployment (issue 8 item 2).
 */
export const deploymentAdminRole = 'Deployment.Admin';

/** A signed-in caller: who they are, and the app roles their token carries. */
export interface Caller extends Identity {
  readonly appRoles: readonly string[];
}

/** True when the caller's token carries the deployment operator's app role. */
export function isDeploymentAdmin(who: Identity & { readonly appRoles?: readonly string[] }) {
  return who.appRoles?.includes(deploymentAdminRole) === true;
}

/** The `roles` claim as app role names: strings only, at most 50, each at most 120 characters. */
export function appRolesOf(claim: unknown): string[] {
  if (!Array.isArray(claim)) return [];
  return claim
    .filter((r): r is string => typeof r === 'string' && r.length > 0 && r.length <= 120)
    .slice(0, 50);
}
