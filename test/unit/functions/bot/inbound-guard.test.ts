import { SignJWT } from 'jose';
import { inboundVerdict } from '../../../../functions/src/bot/inbound-guard';

const policy = {
  local: false,
  tokenIssuer: 'https://api.botframework.com',
  allowedChannels: ['msteams'],
};
const teams = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/' };
const key = new TextEncoder().encode('k'.repeat(32));
const token = (iss: string) =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(iss).sign(key);

describe('inboundVerdict (checks that only narrow what the SDK accepts)', () => {
  it('lets Teams activities with a Bot Framework token (or none: the SDK then answers 401) through', async () => {
    expect(
      inboundVerdict(policy, teams, {
        authorization: `Bearer ${await token('https://api.botframework.com')}`,
      }),
    ).toEqual({ ok: true });
    expect(inboundVerdict(policy, teams, {})).toEqual({ ok: true });
  });

  it.each([
    ['webchat channel', { ...teams, channelId: 'webchat' }, 403],
    ['emulator channel', { ...teams, channelId: 'emulator' }, 403],
    ['http service URL', { ...teams, serviceUrl: 'http://smba.trafficmanager.net/uk/' }, 403],
    ['foreign service URL', { ...teams, serviceUrl: 'https://evil.example/' }, 403],
    [
      'look-alike host',
      { ...teams, serviceUrl: 'https://smba.trafficmanager.net.evil.example/' },
      403,
    ],
  ])('refuses a %s', (_name, body, status) => {
    expect(inboundVerdict(policy, body, {})).toMatchObject({ ok: false, status });
  });

  it('refuses tokens from any other issuer, and things that are not JWTs, with 401', async () => {
    const entra = await token(
      'https://login.microsoftonline.com/99999999-9999-4999-8999-999999999999/v2.0',
    );
    expect(inboundVerdict(policy, teams, { authorization: `Bearer ${entra}` })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(inboundVerdict(policy, teams, { authorization: 'Bearer not-a-jwt' })).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('in local mode (Agents Playground) accepts loopback service URLs without a token', () => {
    expect(
      inboundVerdict(
        { ...policy, local: true },
        { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:56150/_connector' },
        {},
      ),
    ).toEqual({ ok: true });
  });
});
