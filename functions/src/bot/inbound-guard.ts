import { decodeJwt } from 'jose';

/** What the bot accepts before the Teams SDK validates the token itself. */
export interface InboundPolicy {
  /** APP_ENV=local: the Agents Playground, no token, any loopback service URL. */
  readonly local: boolean;
  /** The only issuer we accept (Bot Framework's), so the SDK's Entra-token path is never taken. */
  readonly tokenIssuer: string;
  readonly allowedChannels: readonly string[];
}

/** Accept (hand over to the SDK) or reject with a status. */
export type InboundVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

const teamsServiceHosts = [
  /^smba\.trafficmanager\.net$/,
  /\.botframework\.com$/,
  /\.teams\.microsoft\.(com|us)$/,
];

/** A Bot Connector service URL of Teams (https, Microsoft's hosts): the only place tokens go (A6). */
export function isTeamsServiceUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || !URL.canParse(raw)) return false;
  const url = new URL(raw);
  return url.protocol === 'https:' && teamsServiceHosts.some((host) => host.test(url.hostname));
}

function serviceUrlAllowed(raw: unknown): boolean {
  return raw === undefined || isTeamsServiceUrl(raw);
}

function issuerOf(authorization: string): string | undefined {
  const token = authorization.replace(/^Bearer\s+/i, '');
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined; // not a JWT at all: the SDK rejects it with 401 too
  }
}

/**
 * Checks that only ever narrow what the SDK accepts: Teams channels, Teams service URLs (replies
 * go only there, A6), and Bot Framework-issued tokens (A5). The signature, audience, expiry and
 * `serviceurl` claim are then validated by the SDK. Unverified claims are only used to refuse.
 */
export function inboundVerdict(
  policy: InboundPolicy,
  body: Readonly<Record<string, unknown>>,
  headers: Readonly<Record<string, string>>,
): InboundVerdict {
  if (policy.local) return { ok: true };
  if (typeof body.channelId !== 'string' || !policy.allowedChannels.includes(body.channelId)) {
    return { ok: false, status: 403, reason: 'channel not allowed' };
  }
  if (!serviceUrlAllowed(body.serviceUrl))
    return { ok: false, status: 403, reason: 'service URL not allowed' };
  const authorization = headers.authorization;
  if (authorization !== undefined && issuerOf(authorization) !== policy.tokenIssuer) {
    return { ok: false, status: 401, reason: 'token not issued by the Bot Framework' };
  }
  return { ok: true };
}
