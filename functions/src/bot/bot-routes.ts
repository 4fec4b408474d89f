import type { RouteDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';
import { openTable } from '../infrastructure/tables/table-clients';
import { ProviderDirectory } from '../services/provider-directory';
import type { BotDeps, ConcernCategory } from './bot-deps';
import { botSettings } from './bot-settings';
import { createBot, type Bot } from './create-bot';

/** Concern categories of each provider's procedure (built-in or given as data), from the directory. */
export function directoryCategories(
  directory: Pick<ProviderDirectory, 'get'>,
): BotDeps['categories'] {
  return async (providerId: string): Promise<readonly ConcernCategory[]> =>
    (await directory.get(providerId))?.definition.concern.categories ?? [];
}

let bot: Promise<Bot> | undefined;

// Built on first use, from the runtime the host installed at start-up (config, service, log).
function theBot(): Promise<Bot> {
  if (bot === undefined) {
    const { config, service, log, connection } = runtime();
    const clock = () => new Date();
    // The same `providers` table the service reads (create-case-service.ts), cached the same way.
    const directory = new ProviderDirectory(openTable(connection, 'providers'), clock);
    const deps: BotDeps = { service, log, now: clock, categories: directoryCategories(directory) };
    bot = createBot({ settings: botSettings(config), deps });
    bot.catch(() => {
      bot = undefined; // a failed start (e.g. missing credentials) is retried, and reported, on the next request
    });
  }
  return bot;
}

/** Forgets the bot built from the runtime (tests and local-host restarts). */
export function resetBot(): void {
  bot = undefined;
}

/** `POST /api/messages`: the Bot Framework messaging endpoint (Teams SDK v2, see ADR 0003). */
export const botRoutes: RouteDefinition[] = [
  {
    name: 'bot-messages',
    methods: ['POST'],
    route: 'messages',
    handler: async (request) => (await theBot()).handle(request),
  },
];
