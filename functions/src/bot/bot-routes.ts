import { paramValue } from '@shared/domain/settings';
import { createUserLimiter } from '../http/user-rate-limit';
import type { RouteDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';
import { openTable } from '../infrastructure/tables/table-clients';
import { ProviderDirectory } from '../services/provider-directory';
import type { BotDeps, ConcernCategory } from './bot-deps';
import { botSettings } from './bot-settings';
import {
  ConversationReferences,
  conversationsTable,
} from './conversations/conversation-references';
import { appLinkFor } from './shared-chat/app-link';
import type { Bot, BotOptions } from './create-bot';

/** Concern categories of each provider's procedure (built-in or given as data), from the directory. */
export function directoryCategories(
  directory: Pick<ProviderDirectory, 'get'>,
): BotDeps['categories'] {
  return async (providerId: string): Promise<readonly ConcernCategory[]> =>
    (await directory.get(providerId))?.definition.concern.categories ?? [];
}

/** The roles each provider's procedure lets raise a concern (`concern.raisedBy`), from the directory. */
export function directoryConcernRaisers(
  directory: Pick<ProviderDirectory, 'get'>,
): NonNullable<BotDeps['concernRaisers']> {
  return async (providerId: string): Promise<readonly string[]> => {
    const provider = await directory.get(providerId);
    if (provider === undefined) return [];
    // `raisedBy` may be a provider setting (an X-item); the provider's resolved value decides.
    return paramValue(provider.resolved, provider.definition.concern.raisedBy);
  };
}

/** Bot options from the runtime the host installed at start-up (config, service, storage, log). */
export function runtimeBotOptions(): BotOptions {
  const { config, service, log, connection, providers } = runtime();
  const clock = () => new Date();
  // The service's own directory when the host wired it; otherwise the same table, cached the same way.
  const directory = providers ?? new ProviderDirectory(openTable(connection, 'providers'), clock);
  return {
    settings: botSettings(config),
    deps: {
      service,
      log,
      now: clock,
      categories: directoryCategories(directory),
      concernRaisers: directoryConcernRaisers(directory),
      caseLink: appLinkFor(config),
      limitCardActions: createUserLimiter(config.rateLimits.cardActions),
      conversations: new ConversationReferences(openTable(connection, conversationsTable)),
    },
  };
}

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint (Teams SDK v2, ADR 0003). The bot
 * is built on first use; a failed build (e.g. missing credentials) is retried and reported then.
 */
export function createBotRoutes(options: () => BotOptions): RouteDefinition[] {
  let bot: Promise<Bot> | undefined;
  const theBot = (): Promise<Bot> => {
    if (bot === undefined) {
      // Loaded on first use: the Teams SDK is the heaviest module, and cold starts serve the API first.
      const building = import('./create-bot').then(({ createBot }) => createBot(options()));
      bot = building;
      building.catch(() => {
        bot = undefined;
      });
    }
    return bot;
  };
  return [
    {
      name: 'bot-messages',
      methods: ['POST'],
      route: 'messages',
      handler: async (request) => (await theBot()).handle(request),
    },
  ];
}

/** The bot route of the app's route table, on the installed runtime. */
export const botRoutes: RouteDefinition[] = createBotRoutes(runtimeBotOptions);
