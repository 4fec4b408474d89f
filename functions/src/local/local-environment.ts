import { localClientId } from './demo-personas';

/** The environment of the local product: local mode, local IdP on, Azurite storage. */
export function localEnvironment(port: number, connectionString: string): Record<string, string> {
  return {
    APP_ENV: 'local',
    LOCAL_IDP: 'on',
    AUTH_CLIENT_ID: localClientId,
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/local-idp/keys`,
    AZURE_TABLES_CONNECTION_STRING: connectionString,
    PUBLIC_TAB_ORIGIN: `http://127.0.0.1:${port}`,
    PORT: String(port),
  };
}
