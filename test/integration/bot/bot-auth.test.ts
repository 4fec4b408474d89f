import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { SignJWT } from 'jose';
import { verbs } from '@shared/cards';
import { botSettings } from '../../../functions/src/bot/bot-settings';
import { loadConfig } from '../../../functions/src/config/app-config';
import { assertSafeForProduction } from '../../../functions/src/config/assert-safe-for-production';
import { StartupError } from '../../../functions/src/config/startup-error';
import { cardAction } from './activities';
import { startBotHarness, type BotHarness } from './bot-harness';
import { startKeyServer, type KeyServer } from './key-server';

const botId = '44444444-4444-4444-8444-444444444444';
const tenantId = '11111111-1111-4111-8111-111111111111';
const otherTenant = '99999999-9999-4999-8999-999999999999';
const teamsServiceUrl = 'https://smba.trafficmanager.net/uk/';

let keys: KeyServer;
let h: BotHarness;

beforeAll(async () => {
  keys = await startKeyServer();
  // The SDK takes its key and issuer locations from the cloud environment; only the key set
  // location moves to 127.0.0.1. The accepted issuer stays https://api.botframework.com.
  const cloud = withOverrides(PUBLIC, {
    openIdMetadataUrl: `${keys.url}/v1/.well-known/openidconfiguration`,
    loginEndpoint: keys.url,
  });
  process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS = 'true'; // must not matter: we pass the option explicitly
  h = await startBotHarness({
    settings: { mode: 'authenticated', clientId: botId, tenantId, managedIdentityClientId: botId },
    cloud,
    token: () => 'unused-outbound-token',
  });
}, 60_000);
afterAll(async () => {
  delete process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;
  await h.stop();
  await keys.stop();
});

// A click on "Help": answered in the invoke response, so nothing is sent to the connector.
const helpClick = (serviceUrl = teamsServiceUrl) =>
  cardAction({ verb: verbs.help }, { persona: 'me-mentor' }, serviceUrl);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const botFramework = { iss: PUBLIC.tokenIssuer, aud: botId, serviceurl: teamsServiceUrl };
const unsigned = (claims: object) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('bot endpoint authentication (A1-A6): the Teams SDK validates against a local key server', () => {
  it('accepts a Bot Framework token for our app id', async () => {
    const res = await h.post(helpClick(), bearer(await keys.sign(botFramework)));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Support plans');
    expect(keys.requests).toContain('/v1/.well-known/keys');
  });

  it.each([
    ['no Authorization header', () => Promise.resolve({})],
    [
      'an unsigned (alg none) token',
      () =>
        Promise.resolve(
          bearer(unsigned({ ...botFramework, exp: Math.floor(Date.now() / 1000) + 600 })),
        ),
    ],
    [
      'another app id as audience (A2)',
      async () =>
        bearer(await keys.sign({ ...botFramework, aud: '55555555-5555-4555-8555-555555555555' })),
    ],
    [
      'no audience (A2)',
      async () => bearer(await keys.sign({ iss: PUBLIC.tokenIssuer, serviceurl: teamsServiceUrl })),
    ],
    [
      'a foreign issuer',
      async () => bearer(await keys.sign({ ...botFramework, iss: 'https://evil.example' })),
    ],
    ['an unknown key id', async () => bearer(await keys.sign(botFramework, { kid: 'not-served' }))],
    [
      'an expired token beyond the 5-minute skew',
      async () => bearer(await keys.sign(botFramework, { expiresIn: -301 })),
    ],
    [
      'a not-yet-valid token beyond the skew',
      async () =>
        bearer(await keys.sign(botFramework, { notBefore: Math.floor(Date.now() / 1000) + 301 })),
    ],
    [
      'HS256 signed with the public key as secret',
      async () =>
        bearer(
          await new SignJWT(botFramework)
            .setProtectedHeader({ alg: 'HS256', kid: 'bf-key-1' })
            .setExpirationTime('10m')
            .sign(new TextEncoder().encode(keys.publicPem)),
        ),
    ],
    [
      'a serviceurl claim that differs from the activity',
      async () =>
        bearer(
          await keys.sign({ ...botFramework, serviceurl: 'https://smba.trafficmanager.net/emea/' }),
        ),
    ],
  ])('rejects %s with 401', async (_name, headers) => {
    const res = await h.post(helpClick(), await headers());
    expect(res.status).toBe(401);
  });

  it('accepts a token expired by less than the 5-minute skew (documents the tolerance)', async () => {
    expect(
      (await h.post(helpClick(), bearer(await keys.sign(botFramework, { expiresIn: -299 }))))
        .status,
    ).toBe(200);
  });

  it('rejects a valid-looking Entra token from a foreign tenant before fetching any tenant keys (A5)', async () => {
    const entra = {
      iss: `${keys.url}/${otherTenant}/v2.0`,
      tid: otherTenant,
      aud: botId,
      serviceurl: teamsServiceUrl,
    };
    const res = await h.post(helpClick(), bearer(await keys.sign(entra)));
    expect(res.status).toBe(401);
    expect(keys.requests.some((path) => path.includes(otherTenant))).toBe(false);
  });

  it('answers 403 for a non-Teams channel or service URL, and sends nothing there (A6)', async () => {
    const token = bearer(await keys.sign({ ...botFramework, serviceurl: 'https://evil.example/' }));
    expect((await h.post(helpClick('https://evil.example/'), token)).status).toBe(403);
    const webchat = { ...helpClick(), channelId: 'webchat' };
    expect((await h.post(webchat, bearer(await keys.sign(botFramework)))).status).toBe(403);
    expect(h.connector.calls).toEqual([]);
  });
});

describe('start-up without bot credentials (A1)', () => {
  const base = {
    AUTH_CLIENT_ID: botId,
    AZURE_TABLES_ENDPOINT: 'https://example.table.core.windows.net',
  };

  it('production refuses to start: the app guard and the bot settings both throw StartupError', () => {
    const config = loadConfig({ ...base, APP_ENV: 'production' });
    expect(() => {
      assertSafeForProduction(config);
    }).toThrow(StartupError);
    expect(() => botSettings(config)).toThrow(StartupError);
    expect(() => {
      botSettings({ appEnv: 'production', bot: { clientId: botId } });
    }).toThrow(/never anonymous/);
  });

  it('only APP_ENV=local runs anonymous, whatever NODE_ENV says', () => {
    expect(botSettings({ appEnv: 'local', bot: {} })).toEqual({ mode: 'local-anonymous' });
    expect(botSettings({ appEnv: 'local', bot: { clientId: botId, tenantId } })).toEqual({
      mode: 'authenticated',
      clientId: botId,
      tenantId,
      managedIdentityClientId: botId,
    });
  });

  it('signs in outbound with the user-assigned identity that holds the federated credential (infra/)', () => {
    const uami = '44444444-4444-4444-8444-444444444444';
    const tables = {
      kind: 'endpoint' as const,
      endpoint: 'https://a.table.core.windows.net',
      managedIdentityClientId: uami,
    };
    expect(
      botSettings({ appEnv: 'production', bot: { clientId: botId, tenantId }, tables }),
    ).toMatchObject({
      clientId: botId,
      managedIdentityClientId: uami,
    });
  });
});
