import { createHmac } from 'node:crypto';
import { exportSPKI, type JWTPayload } from 'jose';
import { AuthError, type AuthFailure } from '../../../../functions/src/auth/auth-error';
import { tenantAllowList } from '../../../../functions/src/auth/tenant-allow-list';
import {
  createTokenValidator,
  validatedTokenTtlMs,
  type TokenValidator,
} from '../../../../functions/src/auth/token-validator';
import {
  b64,
  nowSeconds,
  serveJson,
  sign,
  signingKey,
  type JsonServer,
  type SigningKey,
} from './jwks-fixture';

const clientId = '6b1c9a3e-2f4d-4c8e-9a7b-1d2e3f4a5b6c';
const appIdUri = `api://tab.example.org/${clientId}`;
const allowedTid = '11111111-1111-4111-8111-111111111111';
const otherTid = '99999999-9999-4999-8999-999999999999';
const oid = 'b0000000-0000-4000-8000-000000000001';

let key: SigningKey;
let stranger: SigningKey;
let jwks: JsonServer;
let attacker: JsonServer;
let validate: TokenValidator;

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${allowedTid}/v2.0`,
    tid: allowedTid,
    oid,
    name: 'Priya Shah',
    scp: 'access_as_user',
    ver: '2.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
}

async function failure(token: string): Promise<AuthFailure> {
  try {
    await validate(token);
  } catch (error) {
    if (error instanceof AuthError) return error.failure;
    throw error;
  }
  throw new Error('token was accepted');
}

beforeAll(async () => {
  key = await signingKey('entra-1');
  stranger = await signingKey('entra-2');
  jwks = await serveJson(() => ({ keys: [key.jwk] }));
  attacker = await serveJson(() => ({ keys: [stranger.jwk] }));
  validate = createTokenValidator({
    jwksUrl: jwks.url,
    clientId,
    appIdUri,
    isAllowedTenant: tenantAllowList([[allowedTid]]),
  });
});

afterAll(async () => {
  await jwks.close();
  await attacker.close();
});

describe('Teams SSO token validation', () => {
  it('A7: accepts a delegated v2 access token for our client id and returns (tid, oid, name)', async () => {
    await expect(validate(await sign(claims(), key))).resolves.toEqual({
      tid: allowedTid,
      oid,
      name: 'Priya Shah',
      appRoles: [],
    });
  });

  it('issue 8 item 2: app roles come from the `roles` claim only (strings), ids lower-cased', async () => {
    const upper = claims({
      tid: allowedTid.toUpperCase(),
      iss: `https://login.microsoftonline.com/${allowedTid.toUpperCase()}/v2.0`,
      oid: oid.toUpperCase(),
      roles: ['Deployment.Admin', 7, { value: 'x' }],
      wids: ['62e90394-69f5-4237-9190-012177145e10'],
    });
    await expect(validate(await sign(upper, key))).resolves.toEqual({
      tid: allowedTid,
      oid,
      name: 'Priya Shah',
      appRoles: ['Deployment.Admin'],
    });
    const noRoles = await validate(await sign(claims({ roles: 'Deployment.Admin' }), key));
    expect(noRoles.appRoles).toEqual([]);
  });

  it("Z5: the identity is (tid, oid, name); a member's UPN is carried only as the address that links an invitation", async () => {
    const otherOid = 'c0000000-0000-4000-8000-000000000009';
    const sameMail = 'Priya.Shah@riverside.example';
    const identity = await validate(
      await sign(
        claims({ oid: otherOid, preferred_username: sameMail, upn: sameMail, email: sameMail }),
        key,
      ),
    );
    // who the caller is stays (tid, oid); the address never authorises (see the service's Z5 tests)
    expect(identity).toEqual({
      tid: allowedTid,
      oid: otherOid,
      name: 'Priya Shah',
      appRoles: [],
      email: 'priya.shah@riverside.example',
    });
  });

  it("Z5, item 9: a guest's preferred_username and an unverified email never count as the signed-in address", async () => {
    const mail = 'someone.else@school.example';
    const guest = await validate(
      await sign(
        claims({ preferred_username: mail, idp: 'https://sts.windows.net/other-tenant/' }),
        key,
      ),
    );
    expect(guest).not.toHaveProperty('email');
    const unverified = await validate(await sign(claims({ email: mail, idp: 'live.com' }), key));
    expect(unverified).not.toHaveProperty('email');
    const verified = await validate(
      await sign(claims({ email: mail, xms_edov: true, idp: 'live.com' }), key),
    );
    expect(verified.email).toBe(mail);
  });

  it('A7: accepts the api:// application id URI as audience', async () => {
    await expect(validate(await sign(claims({ aud: appIdUri }), key))).resolves.toMatchObject({
      oid,
    });
  });

  it('caches the key set: many validations, one fetch', async () => {
    for (let i = 0; i < 3; i += 1) await validate(await sign(claims(), key));
    expect(jwks.hits()).toBe(1);
  });

  it('A2/A7: rejects another audience (a Graph token) with 401', async () => {
    expect(
      await failure(await sign(claims({ aud: '00000003-0000-0000-c000-000000000000' }), key)),
    ).toBe('invalid_token');
  });

  it('A2/A7: rejects a token without audience with 401', async () => {
    expect(await failure(await sign(claims({ aud: undefined }), key))).toBe('invalid_token');
  });

  it('A7: rejects a tenant outside the allow-list with 403', async () => {
    const foreign = claims({
      tid: otherTid,
      iss: `https://login.microsoftonline.com/${otherTid}/v2.0`,
    });
    expect(await failure(await sign(foreign, key))).toBe('insufficient_access');
  });

  it('A5: rejects an issuer that does not match the tid with 401', async () => {
    const mismatch = claims({ iss: `https://login.microsoftonline.com/${otherTid}/v2.0` });
    expect(await failure(await sign(mismatch, key))).toBe('invalid_token');
  });

  it('A5: rejects a non-GUID tid and a v1 issuer with 401', async () => {
    expect(
      await failure(
        await sign(
          claims({ tid: 'common', iss: 'https://login.microsoftonline.com/common/v2.0' }),
          key,
        ),
      ),
    ).toBe('invalid_token');
    expect(
      await failure(await sign(claims({ iss: `https://sts.windows.net/${allowedTid}/` }), key)),
    ).toBe('invalid_token');
  });

  it('A3: rejects a token expired beyond the 60 s tolerance, accepts one inside it', async () => {
    expect(await failure(await sign(claims({ exp: nowSeconds() - 65 }), key))).toBe(
      'invalid_token',
    );
    await expect(
      validate(await sign(claims({ exp: nowSeconds() - 55 }), key)),
    ).resolves.toMatchObject({ oid });
  });

  it('A3: rejects a not-yet-valid token beyond the tolerance, accepts one inside it', async () => {
    expect(await failure(await sign(claims({ nbf: nowSeconds() + 65 }), key))).toBe(
      'invalid_token',
    );
    await expect(
      validate(await sign(claims({ nbf: nowSeconds() + 55 }), key)),
    ).resolves.toMatchObject({ oid });
  });

  it('A4: rejects alg "none" with an empty signature', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(await failure(token)).toBe('invalid_token');
  });

  it('A4: rejects HS256 signed with the RSA public key as the secret', async () => {
    const secret = await exportSPKI(key.publicKey);
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(claims())}`;
    const mac = createHmac('sha256', secret).update(unsigned).digest('base64url');
    expect(await failure(`${unsigned}.${mac}`)).toBe('invalid_token');
  });

  it('A4: rejects an unknown kid', async () => {
    expect(await failure(await sign(claims(), stranger))).toBe('invalid_token');
  });

  it('A4: never fetches keys from jku/x5u or trusts an embedded jwk', async () => {
    const forged = { ...stranger, kid: key.kid };
    const header = { jku: attacker.url, x5u: attacker.url, jwk: stranger.jwk };
    expect(await failure(await sign(claims(), forged, header))).toBe('invalid_token');
    expect(attacker.hits()).toBe(0);
  });

  it('A4: rejects a tampered payload', async () => {
    const [header, , signature] = (await sign(claims(), key)).split('.');
    const tampered = `${header}.${b64(claims({ oid: 'e0000000-0000-4000-8000-000000000005' }))}.${signature}`;
    expect(await failure(tampered)).toBe('invalid_token');
  });

  it('A7: rejects an ID token (audience ours, no scp) with 401', async () => {
    expect(await failure(await sign(claims({ scp: undefined }), key))).toBe('invalid_token');
  });

  it('A7: rejects a token without access_as_user with 403', async () => {
    expect(await failure(await sign(claims({ scp: 'User.Read Calendars.ReadWrite' }), key))).toBe(
      'insufficient_access',
    );
  });

  it('A7: rejects garbage and oversize tokens with 401', async () => {
    expect(await failure('not-a-jwt')).toBe('invalid_token');
    expect(await failure('a'.repeat(20_000))).toBe('invalid_token');
  });

  it('F3: with a cold key cache, unreachable keys fail closed as unavailable (503), not as a bad token', async () => {
    const offline = await serveJson(() => ({}));
    await offline.close();
    const validator = createTokenValidator({
      jwksUrl: offline.url,
      clientId,
      isAllowedTenant: () => true,
    });
    await expect(validator(await sign(claims(), key))).rejects.toMatchObject({
      failure: 'unavailable',
    });
  });
});

describe('F3: a key endpoint outage', () => {
  it('with keys fetched earlier, new valid tokens are still accepted; forged ones still refused', async () => {
    const server = await serveJson(() => ({ keys: [key.jwk] }));
    const validator = createTokenValidator({
      jwksUrl: server.url,
      clientId,
      isAllowedTenant: () => true,
    });
    await validator(await sign(claims(), key));
    await server.close();
    // A different token, so it is verified afresh against the cached keys.
    await expect(
      validator(await sign(claims({ name: 'After the outage' }), key)),
    ).resolves.toMatchObject({ oid });
    await expect(validator(await sign(claims(), stranger))).rejects.toBeInstanceOf(AuthError);
  });
});

describe('validated-token cache', () => {
  /** A validator on a movable clock whose tenant check counts full validations. */
  function counted(allowed = true) {
    const clock = { ms: Date.now() };
    let checks = 0;
    const validator = createTokenValidator({
      jwksUrl: jwks.url,
      clientId,
      isAllowedTenant: () => {
        checks += 1;
        return allowed;
      },
      now: () => clock.ms,
    });
    return { validator, clock, checks: () => checks };
  }

  it('verifies a repeated token once, and a different token again', async () => {
    const { validator, checks } = counted();
    const token = await sign(claims(), key);
    await validator(token);
    await expect(validator(token)).resolves.toMatchObject({ oid });
    expect(checks()).toBe(1);
    await validator(await sign(claims({ name: 'Priya S' }), key));
    expect(checks()).toBe(2);
  });

  it(`verifies again after ${String(validatedTokenTtlMs / 1000)} s`, async () => {
    const { validator, clock, checks } = counted();
    const token = await sign(claims(), key);
    await validator(token);
    clock.ms += validatedTokenTtlMs + 1;
    await validator(token);
    expect(checks()).toBe(2);
  });

  it('never keeps a token past its exp', async () => {
    const { validator, clock, checks } = counted();
    const token = await sign(claims({ exp: nowSeconds() + 5 }), key);
    await validator(token);
    clock.ms += 6_000;
    await validator(token); // still inside jose's 60 s tolerance, but verified afresh
    expect(checks()).toBe(2);
  });

  it('remembers no refusal', async () => {
    const { validator, checks } = counted(false);
    const token = await sign(claims(), key);
    await expect(validator(token)).rejects.toMatchObject({ failure: 'insufficient_access' });
    await expect(validator(token)).rejects.toMatchObject({ failure: 'insufficient_access' });
    expect(checks()).toBe(2);
  });
});
