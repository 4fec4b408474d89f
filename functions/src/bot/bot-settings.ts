import type { AppConfig } from '../config/app-config';
import { StartupError } from '../config/startup-error';

/** How the bot endpoint authenticates the Bot Connector. */
export type BotSettings =
  /** Only with APP_ENV=local: requests without a token are accepted (Agents Playground). */
  | { readonly mode: 'local-anonymous' }
  /** The library validates every request's connector JWT for this app id. */
  | {
      readonly mode: 'authenticated';
      readonly clientId: string;
      readonly tenantId: string;
      /**
       * The user-assigned managed identity the bot signs in with: equal to `clientId` for a
       * UserAssignedMSI bot, or another identity holding a federated credential on the app (infra/).
       */
      readonly managedIdentityClientId: string;
    };

/**
 * Bot settings from the app configuration. Anonymous requests are allowed only in explicit local
 * mode; any other start without bot credentials throws `StartupError` (A1), whatever `NODE_ENV` says.
 */
export function botSettings(
  config: Pick<AppConfig, 'appEnv' | 'bot'> & { readonly tables?: AppConfig['tables'] },
): BotSettings {
  const { clientId, tenantId } = config.bot;
  const identity =
    config.tables?.kind === 'endpoint' ? config.tables.managedIdentityClientId : undefined;
  if (clientId !== undefined && tenantId !== undefined)
    return {
      mode: 'authenticated',
      clientId,
      tenantId,
      managedIdentityClientId: identity ?? clientId,
    };
  if (config.appEnv === 'local') return { mode: 'local-anonymous' };
  throw new StartupError(
    'The bot endpoint needs BOT_CLIENT_ID and BOT_TENANT_ID outside local mode; it is never anonymous.',
  );
}
