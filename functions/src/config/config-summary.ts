import type { AppConfig } from './app-config';

/** The connection string without its secret parts (named, so the log says a key was set). */
function redactConnectionString(value: string): string {
  return value
    .split(';')
    .filter((part) => !/^\s*(AccountKey|SharedAccessSignature)\s*=/i.test(part))
    .concat('(key hidden)')
    .join(';');
}

/** A one-line, secret-free description of the configuration for the start-up log. */
export function configSummary(config: AppConfig): string {
  const tables =
    config.tables.kind === 'connectionString'
      ? `connection string (${redactConnectionString(config.tables.connectionString)})`
      : `${config.tables.endpoint} via managed identity${config.tables.managedIdentityClientId === undefined ? '' : ` ${config.tables.managedIdentityClientId}`}`;
  const parts = [
    `env=${config.appEnv}`,
    `tables=${tables}`,
    `auth.clientId=${config.auth.clientId}`,
    `auth.appIdUri=${config.auth.appIdUri ?? '(none)'}`,
    `auth.jwks=${config.auth.jwksUrl}`,
    `localIdp=${config.localIdp ? 'on' : 'off'}`,
    `bot.clientId=${config.bot.clientId ?? '(none)'}`,
    `tabOrigin=${config.publicTabOrigin ?? '(none)'}`,
  ];
  return parts.join(' ');
}
