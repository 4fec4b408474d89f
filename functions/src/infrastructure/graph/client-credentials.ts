/**
 * App-only tokens for Graph by the OAuth 2.0 client-credentials grant against the Entra v2
 * token endpoint (`{authorityHost}/{tenant}/oauth2/v2.0/token`, scope `.../.default`), one per
 * tenant (partner schools' recipients are reached with a token for their own tenant). Pointed
 * at login.microsoftonline.com in Azure and at the local Graph's token endpoint locally.
 */
import { z } from 'zod';

/** Where and as whom to get tokens. */
export interface ClientCredentialsConfig {
  readonly authorityHost: string;
  readonly clientId: string;
  /**
   * A client secret (local stand-in), or a client assertion: in Azure, the managed identity's
   * token for `api://AzureADTokenExchange` through the app's federated credential (no secret).
   */
  readonly credential:
    | { readonly kind: 'secret'; readonly secret: string }
    | { readonly kind: 'assertion'; readonly assertion: () => Promise<string> };
  /** Graph's resource, whose `/.default` scope is asked for. */
  readonly resource: string;
}

const tokenResponse = z.object({
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  access_token: z.string().min(1),
});

const errorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

/** A token could not be obtained (a configuration or consent problem; not retried). */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** Gets and caches app-only tokens per tenant, renewing a minute before they expire. */
export class ClientCredentials {
  private readonly cache = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly config: ClientCredentialsConfig,
    private readonly timeoutMs = 10_000,
  ) {}

  async token(tenantId: string): Promise<string> {
    const cached = this.cache.get(tenantId);
    if (cached !== undefined && cached.until > Date.now()) return cached.token;
    const url = new URL(
      `${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      withSlash(this.config.authorityHost),
    );
    const credential = this.config.credential;
    const proof: Record<string, string> =
      credential.kind === 'secret'
        ? { client_secret: credential.secret }
        : {
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: await credential.assertion(),
          };
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.config.clientId,
      ...proof,
      scope: `${this.config.resource.replace(/\/$/, '')}/.default`,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TokenRequestError(`token endpoint unreachable (${errorName(error)})`, true);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = errorResponse.safeParse(json);
      const code = parsed.success ? parsed.data.error : `HTTP ${response.status}`;
      throw new TokenRequestError(
        `token refused: ${code}`,
        response.status >= 500 || response.status === 429,
      );
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) throw new TokenRequestError('token response malformed', false);
    const until = Date.now() + Math.max(0, parsed.data.expires_in - 60) * 1000;
    this.cache.set(tenantId, { token: parsed.data.access_token, until });
    return parsed.data.access_token;
  }
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
