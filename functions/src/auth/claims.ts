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

/**
 * The address a person signed in with, lower case, for linking an invited participant at first
 * sign-in (issue 11 item 9) and nothing else: never to authorise (Z5). Only an address Entra
 * vouches for counts: `email` with `xms_edov` (domain owner verified), or `preferred_username` of a
 * member (no `idp` claim, so it is the UPN, which must sit in one of the tenant's verified
 * domains). A guest's `preferred_username` can be any address, so it never links.
 */
function signedInAddress(payload: JWTPayload): string | undefined {
  const looksLikeAddress = (v: unknown): v is string =>
    typeof v === 'string' && /^[^\s@]{1,64}@[^\s@]{1,189}$/.test(v);
  if (payload.xms_edov === true && looksLikeAddress(payload.email))
    return payload.email.trim().toLowerCase();
  if (payload.idp === undefined && looksLikeAddress(payload.preferred_username))
    return payload.preferred_username.trim().toLowerCase();
  return undefined;
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
  const email = signedInAddress(payload);
  return {
    tid: tid.toLowerCase(),
    oid: oid.toLowerCase(),
    name: display,
    appRoles: appRolesOf(payload.roles),
    ...(email === undefined ? {} : { email }),
  };
}
