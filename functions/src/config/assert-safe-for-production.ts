import type { AppConfig } from './app-config';
import { StartupError } from './startup-error';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

function isLocalUrl(raw: string): boolean {
  const url = new URL(raw);
  return (
    url.protocol !== 'https:' ||
    loopbackHosts.has(url.hostname) ||
    url.pathname.startsWith('/local-idp')
  );
}

/** Lists every reason this configuration must not serve production traffic. */
export function productionProblems(config: AppConfig): string[] {
  if (config.appEnv !== 'production') return [];
  const problems: string[] = [];
  if (config.localIdp) {
    problems.push(
      'LOCAL_IDP=on is only allowed with APP_ENV=local (it signs in anyone as any persona)',
    );
  }
  if (isLocalUrl(config.auth.jwksUrl)) {
    problems.push(`AUTH_JWKS_URL must be an https Entra key set, not ${config.auth.jwksUrl}`);
  }
  if (config.bot.clientId === undefined || config.bot.tenantId === undefined) {
    problems.push(
      'BOT_CLIENT_ID and BOT_TENANT_ID are required: the bot endpoint is never anonymous',
    );
  }
  if (config.tables.kind === 'endpoint' && !config.tables.endpoint.startsWith('https://')) {
    problems.push('AZURE_TABLES_ENDPOINT must be https in production');
  }
  if (config.publicTabOrigin !== undefined && !config.publicTabOrigin.startsWith('https://')) {
    problems.push('PUBLIC_TAB_ORIGIN must be https in production');
  }
  return problems;
}

/** Refuses to start (throws `StartupError`) when a production configuration is unsafe. */
export function assertSafeForProduction(config: AppConfig): void {
  const problems = productionProblems(config);
  if (problems.length > 0) {
    throw new StartupError(`Refusing to start in production: ${problems.join('; ')}.`);
  }
}
