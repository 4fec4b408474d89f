/**
 * The Entra v2 token endpoint for the client-credentials grant, as the local Graph serves it:
 * `POST /{tenant}/oauth2/v2.0/token` (form body) answers `{token_type, expires_in,
 * ext_expires_in, access_token}` or Entra's error body. Tokens are opaque and only valid here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { GraphReply } from './graph-errors';

/** An app registration the local Entra knows (a multi-tenant app is consented per tenant). */
export interface LocalApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenants: readonly string[];
}

/** What a token stands for. */
export interface IssuedToken {
  readonly tenantId: string;
  readonly appId: string;
  readonly expiresAt: number;
}

const lifetimeSeconds = 3599;

function entraError(status: number, error: string, code: number, description: string): GraphReply {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}

/** Issues and checks app-only tokens. */
export class LocalEntra {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly apps: readonly LocalApp[]) {}

  /** Answers one token request. */
  token(tenant: string, form: URLSearchParams): GraphReply {
    if (form.get('grant_type') !== 'client_credentials')
      return entraError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    const app = this.apps.find((a) => a.clientId === form.get('client_id'));
    if (app === undefined)
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory '${tenant}'.`,
      );
    if (!app.tenants.includes(tenant))
      return entraError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found or the app is not consented there.`,
      );
    if (form.get('client_secret') !== app.clientSecret)
      return entraError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    if (form.get('scope') !== 'https://graph.microsoft.com/.default')
      return entraError(
        400,
        'invalid_scope',
        1002012,
        'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
      );
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, {
      tenantId: tenant,
      appId: app.clientId,
      expiresAt: Date.now() + lifetimeSeconds * 1000,
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: lifetimeSeconds,
        ext_expires_in: lifetimeSeconds,
        access_token: accessToken,
      },
    };
  }

  /** The token behind an `Authorization` header, if it is one we issued and it has not expired. */
  check(authorization: string | undefined): IssuedToken | undefined {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    const token = match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
    return token !== undefined && token.expiresAt > Date.now() ? token : undefined;
  }
}
