import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for Bot Framework's and Entra's public key endpoints, on 127.0.0.1. */
export interface KeyServer {
  readonly url: string;
  /** Paths requested so far (to prove what was and was not fetched). */
  readonly requests: string[];
  /** Signs an RS256 token with the served key (or an unknown `kid`). */
  sign(
    claims: JWTPayload,
    options?: { kid?: string; expiresIn?: number; notBefore?: number },
  ): Promise<string>;
  /** The served public key as PEM (for the HS256 key-confusion attack). */
  readonly publicPem: string;
  stop(): Promise<void>;
}

/** Serves `/v1/.well-known/keys` (the Bot Framework JWKS path, relative to a custom cloud). */
export async function startKeyServer(): Promise<KeyServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bf-key-1', use: 'sig', alg: 'RS256' };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/v1/.well-known/keys') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  const { createPublicKey } = await import('node:crypto');
  const publicPem = createPublicKey({ key: jwk as never, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    publicPem,
    sign: (claims, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? jwk.kid, typ: 'JWT' })
        .setIssuedAt(now - 10)
        .setNotBefore(options.notBefore ?? now - 10)
        .setExpirationTime(now + (options.expiresIn ?? 600))
        .sign(privateKey);
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
