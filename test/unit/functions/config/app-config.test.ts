import { entraCommonJwksUrl, loadConfig } from '../../../../functions/src/config/app-config';
import {
  assertSafeForProduction,
  productionProblems,
} from '../../../../functions/src/config/assert-safe-for-production';
import { configSummary } from '../../../../functions/src/config/config-summary';
import { loadStartOptions } from '../../../../functions/src/config/start-options';
import { StartupError } from '../../../../functions/src/config/startup-error';
import { createLocalIdp } from '../../../../functions/src/local/local-idp';

const guid = '33333333-3333-4333-8333-333333333333';
const accountKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const production = {
  APP_ENV: 'production',
  AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net',
  AZURE_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
  AUTH_CLIENT_ID: guid,
  AUTH_APP_ID_URI: `api://tab.example.org/${guid}`,
  BOT_CLIENT_ID: '55555555-5555-4555-8555-555555555555',
  BOT_TENANT_ID: '66666666-6666-4666-8666-666666666666',
  PUBLIC_TAB_ORIGIN: 'https://tab.example.org',
};

const local = {
  APP_ENV: 'local',
  LOCAL_IDP: 'on',
  AUTH_CLIENT_ID: guid,
  AZURE_TABLES_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${accountKey};TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;`,
  PORT: '7171',
};

function startupMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StartupError) return error.message;
    throw error;
  }
  throw new Error('no StartupError');
}

describe('configuration', () => {
  it('parses a safe production configuration into a frozen config with the Entra key set', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({
      appEnv: 'production',
      localIdp: false,
      auth: { clientId: guid, jwksUrl: entraCommonJwksUrl },
      tables: { kind: 'endpoint', managedIdentityClientId: production.AZURE_CLIENT_ID },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
    expect(() => {
      assertSafeForProduction(config);
    }).not.toThrow();
  });

  it('names the missing or malformed variable', () => {
    expect(
      startupMessage(() => loadConfig({ ...production, AUTH_CLIENT_ID: undefined })),
    ).toContain('AUTH_CLIENT_ID');
    expect(startupMessage(() => loadConfig({ ...production, APP_ENV: 'staging' }))).toContain(
      'APP_ENV',
    );
    expect(
      startupMessage(() => loadConfig({ ...production, AUTH_APP_ID_URI: 'https://x' })),
    ).toContain('AUTH_APP_ID_URI');
    const noStorage = { ...production, AZURE_TABLES_ENDPOINT: '' };
    expect(startupMessage(() => loadConfig(noStorage))).toContain(
      'AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT',
    );
  });

  it('A1: refuses to start in production with the local IdP on', () => {
    const config = loadConfig({ ...production, LOCAL_IDP: 'on' });
    expect(
      startupMessage(() => {
        assertSafeForProduction(config);
      }),
    ).toMatch(/Refusing to start in production: LOCAL_IDP=on/);
  });

  it('refuses to start in production with a local or plain-http key set', () => {
    for (const url of [
      'http://127.0.0.1:7071/local-idp/keys',
      'https://localhost/keys',
      'http://login.example/keys',
    ]) {
      const config = loadConfig({ ...production, AUTH_JWKS_URL: url });
      expect(
        startupMessage(() => {
          assertSafeForProduction(config);
        }),
      ).toContain('AUTH_JWKS_URL');
    }
  });

  it('A1: refuses to start in production without the bot identity', () => {
    const config = loadConfig({ ...production, BOT_CLIENT_ID: '' });
    expect(productionProblems(config).join()).toContain('BOT_CLIENT_ID');
  });

  it('lets local mode use the local IdP keys on its own port', () => {
    const config = loadConfig(local);
    expect(config.auth.jwksUrl).toBe('http://127.0.0.1:7171/local-idp/keys');
    expect(productionProblems(config)).toEqual([]);
  });

  it('summarises without secrets', () => {
    const summary = configSummary(loadConfig(local));
    expect(summary).toContain('(key hidden)');
    expect(summary).not.toContain(accountKey);
    expect(summary).not.toMatch(/AccountKey|SharedAccessSignature/i);
  });

  it('constructs the local IdP only in local mode with LOCAL_IDP=on', async () => {
    await expect(createLocalIdp(loadConfig({ ...production, LOCAL_IDP: 'on' }))).rejects.toThrow(
      StartupError,
    );
    await expect(createLocalIdp(loadConfig({ ...local, LOCAL_IDP: 'off' }))).rejects.toThrow(
      StartupError,
    );
    await expect(createLocalIdp(loadConfig(local))).resolves.toHaveProperty('routes');
  });

  it('reads npm start options with defaults and names a bad port', () => {
    expect(loadStartOptions({})).toEqual({
      port: 7071,
      azuritePort: 10002,
      azuriteDataDir: undefined,
      azuriteQueuePort: 10001,
      graphPort: 7072,
    });
    expect(loadStartOptions({ AZURITE_DATA_DIR: '/tmp/az' }).azuriteDataDir).toBe('/tmp/az');
    expect(startupMessage(() => loadStartOptions({ PORT: 'http' }))).toContain('PORT');
  });
});
