import { botSettings } from '../../bot/bot-settings';
import {
  ConversationReferences,
  conversationsTable,
} from '../../bot/conversations/conversation-references';
import { isTeamsServiceUrl } from '../../bot/inbound-guard';
import { appLinkFor } from '../../bot/shared-chat/app-link';
import type { AppConfig } from '../../config/app-config';
import { lazyManagedIdentity } from '../../config/lazy-managed-identity';
import { TokenRequestError } from '../../infrastructure/graph/client-credentials';
import type { Logger } from '../../http/logger';
import { openTable, type TableConnection } from '../../infrastructure/tables/table-clients';
import { ProactiveBot } from './proactive-bot';

const loopback = (raw: string) => {
  const host = URL.canParse(raw) ? new URL(raw).hostname : '';
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
};

/**
 * The proactive bot the relay falls back to. In Azure it signs in as the bot (the user-assigned
 * managed identity of ADR 0003) and sends only to Teams service URLs; in local mode it sends,
 * without a token as the SDK itself does there, to the Agents Playground on loopback. Without
 * bot credentials outside local mode there is no bot to send as: null (email only).
 */
export function botFallbackFromConfig(
  config: AppConfig,
  connection: TableConnection,
  log: Logger,
): ProactiveBot | null {
  if (
    config.appEnv !== 'local' &&
    (config.bot.clientId === undefined || config.bot.tenantId === undefined)
  ) {
    log.warn('No bot credentials: notifications Graph refuses go by email only');
    return null;
  }
  const settings = botSettings(config);
  const references = new ConversationReferences(openTable(connection, conversationsTable));
  const local = settings.mode === 'local-anonymous';
  const identity = local ? null : lazyManagedIdentity(settings.managedIdentityClientId);
  const caseLink = appLinkFor(config);
  const origin = config.publicTabOrigin ?? `http://127.0.0.1:${String(config.port)}`;
  return new ProactiveBot({
    references,
    token:
      identity === null
        ? null
        : async (scope) => {
            const token = await identity.getToken(scope);
            if (token === null)
              throw new TokenRequestError('the managed identity gave no Bot Framework token', true);
            return token.token;
          },
    allowServiceUrl: (url) => isTeamsServiceUrl(url) || (local && loopback(url)),
    link: local ? (caseId) => `${origin}/tab/#/cases/${encodeURIComponent(caseId)}` : caseLink,
    log,
  });
}
