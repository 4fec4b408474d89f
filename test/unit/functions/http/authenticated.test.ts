import { AuthError } from '../../../../functions/src/auth/auth-error';
import type { Caller } from '../../../../functions/src/auth/caller';
import { authenticated } from '../../../../functions/src/http/authenticated';
import { silentLogger } from '../../../../functions/src/http/logger';
import { okJson } from '../../../../functions/src/http/responses';
import {
  installRuntime,
  uninstallRuntime,
  type AppRuntime,
} from '../../../../functions/src/http/runtime';
import { apiRequest } from './request-fixture';

const who: Caller = {
  appRoles: [],
  tid: '11111111-1111-4111-8111-111111111111',
  oid: 'b0000000-0000-4000-8000-000000000001',
  name: 'Priya',
};

function installValidator(validateToken: AppRuntime['validateToken']) {
  installRuntime({ log: silentLogger, validateToken } as unknown as AppRuntime);
}

const handler = authenticated((_request, identity) => Promise.resolve(okJson(identity)));
const withAuth = (authorization?: string) =>
  apiRequest({ method: 'GET', headers: authorization === undefined ? {} : { authorization } });

afterEach(uninstallRuntime);

describe('authenticated(handler)', () => {
  it('passes the validated identity to the handler', async () => {
    installValidator((token) =>
      token === 'good.token.sig'
        ? Promise.resolve(who)
        : Promise.reject(new AuthError('invalid_token', 'bad')),
    );
    await expect(handler(withAuth('Bearer good.token.sig'))).resolves.toMatchObject({
      status: 200,
      body: who,
    });
  });

  it('answers 401 with a Bearer challenge when the header is missing or not Bearer', async () => {
    installValidator(() => Promise.resolve(who));
    for (const header of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b']) {
      const response = await handler(withAuth(header));
      expect(response.status).toBe(401);
      expect(response.headers?.['www-authenticate']).toBe('Bearer');
    }
  });

  it('A7: maps an invalid token to 401 and a forbidden tenant/scope to 403', async () => {
    installValidator(() =>
      Promise.reject(new AuthError('invalid_token', 'The access token has expired.')),
    );
    await expect(handler(withAuth('Bearer x.y.z'))).resolves.toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED', detail: 'The access token has expired.' },
    });
    installValidator(() => Promise.reject(new AuthError('insufficient_access', 'no scope')));
    await expect(handler(withAuth('Bearer x.y.z'))).resolves.toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
  });

  it('maps unreachable keys to 503 and rethrows anything unexpected', async () => {
    installValidator(() => Promise.reject(new AuthError('unavailable', 'keys down')));
    await expect(handler(withAuth('Bearer x.y.z'))).resolves.toMatchObject({ status: 503 });
    installValidator(() => Promise.reject(new TypeError('bug')));
    await expect(handler(withAuth('Bearer x.y.z'))).rejects.toThrow('bug');
  });
});
