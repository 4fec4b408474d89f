import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { entraIssuer, requiredScope } from '../auth/claims';
import type { AppConfig } from '../config/app-config';
import { StartupError } from '../config/startup-error';
import { parseBody } from '../http/json-body';
import { problem } from '../http/problem';
import { okJson } from '../http/responses';
import { demoPersonas, deploymentOperator, type DemoPersona } from './demo-personas';
import type { LocalRoute } from './local-route';

/** Lifetime of a local access token, in seconds (Entra's are 60–90 minutes). */
export const localTokenSeconds = 3_600;

/** A local stand-in for Entra: signs Entra-shaped access tokens for demo personas. */
export interface LocalIdp {
  readonly jwks: JSONWebKeySet;
  readonly personas: readonly DemoPersona[];
  readonly routes: readonly LocalRoute[];
  /** An access token for a persona, or undefined when there is no such persona. */
  issueToken(personaId: string): Promise<string | undefined>;
}

const tokenRequest = z.strictObject({ persona: z.string().min(1).max(64) });

/**
 * Creates the local identity provider. Refuses (`StartupError`) unless `APP_ENV=local` and
 * `LOCAL_IDP=on`: it signs in anyone as anyone.
 */
export async function createLocalIdp(
  config: AppConfig,
  personas: readonly DemoPersona[] = demoPersonas,
): Promise<LocalIdp> {
  if (config.appEnv !== 'local' || !config.localIdp) {
    throw new StartupError(
      'The local identity provider runs only with APP_ENV=local and LOCAL_IDP=on.',
    );
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${randomUUID()}`;
  const jwks: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }],
  };

  const issueToken = async (personaId: string) => {
    const operator = personaId === deploymentOperator.id ? deploymentOperator : undefined;
    const who = operator ?? personas.find((p) => p.id === personaId);
    if (who === undefined) return undefined;
    return new SignJWT({
      tid: who.tid,
      oid: who.oid,
      name: who.name,
      scp: requiredScope,
      ver: '2.0',
      // Entra puts assigned app roles in `roles` (issue 8 item 2: Deployment.Admin).
      ...(operator === undefined ? {} : { roles: [...operator.appRoles] }),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(entraIssuer(who.tid))
      .setAudience(config.auth.clientId)
      .setSubject(`local-${who.oid}`)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${localTokenSeconds}s`)
      .sign(privateKey);
  };

  const routes: LocalRoute[] = [
    { method: 'GET', path: '/local-idp/keys', handler: () => Promise.resolve(okJson(jwks)) },
    {
      method: 'GET',
      path: '/local-idp/personas',
      handler: () => Promise.resolve(okJson({ personas, operators: [deploymentOperator] })),
    },
    {
      method: 'POST',
      path: '/local-idp/token',
      handler: async (request) => {
        const body = parseBody(request, tokenRequest);
        if (!body.ok) return body.response;
        const token = await issueToken(body.value.persona);
        if (token === undefined)
          return problem(404, 'NOT_FOUND', `No persona "${body.value.persona}".`);
        return okJson({ access_token: token, token_type: 'Bearer', expires_in: localTokenSeconds });
      },
    },
  ];
  return { jwks, personas, routes, issueToken };
}
