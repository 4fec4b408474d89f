import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import { appRolesOf, type Caller } from './caller';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope our tab's Entra app exposes; every delegated API token must carry it. */
export const requiredScope = 'access_as_user';

/** Decides whether a tenant may sign in (the union of every provider's `tenants`). */
export type TenantPolicy = (tid: string) => boolean | Promise<boolean>;

function invalid(message: string): never {
  throw new AuthError('invalid_token', message);
}

/** The issuer an Entra v2 access token for tenant `tid` carries. */
export function entraIssuer(tid: string): string {
  return `https://login.microsoftonline.com/${tid}/v2.0`;
}

/** Checks tenant, issuer and scope of verified claims and returns who the caller is, with their app roles. */
export async function identityFromClaims(
  payload: JWTPayload,
  isAllowedTenant: TenantPolicy,
): Promise<Caller> {
  const { tid, oid, scp, name } = payload;
  if (typeof tid !== 'string' || !guid.test(tid)) invalid('The access token has no valid tenant.');
  if (payload.iss !== entraIssuer(tid))
    invalid('The access token issuer does not match its tenant.');
  if (typeof oid !== 'string' || !guid.test(oid)) invalid('The access token has no valid user.');
  // ID tokens and app-only tokens have no `scp`: they are not delegated access tokens.
  if (typeof scp !== 'string') invalid('The token is not a delegated access token.');
  if (!(await isAllowedTenant(tid.toLowerCase()))) {
    throw new AuthError('insufficient_access', 'Your organisation is not set up to use this app.');
  }
  if (!scp.split(' ').includes(requiredScope)) {
    throw new AuthError(
      'insufficient_access',
      `The access token lacks the ${requiredScope} scope.`,
    );
  }
  const display = typeof name === 'string' ? name.slice(0, 200) : '';
  return {
    tid: tid.toLowerCase(),
    oid: oid.toLowerCase(),
    name: display,
    appRoles: appRolesOf(payload.roles),
  };
}
