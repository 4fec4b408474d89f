import type { CloudEnvironment, TokenProvider } from '@microsoft/teams.api';
import {
  directoryCategories,
  directoryConcernRaisers,
} from '../../../functions/src/bot/bot-routes';
import type { BotDeps } from '../../../functions/src/bot/bot-deps';
import type { BotSettings } from '../../../functions/src/bot/bot-settings';
import { createBot } from '../../../functions/src/bot/create-bot';
import { silentLogger } from '../../../functions/src/http/logger';
import type { UserLimiter } from '../../../functions/src/http/user-rate-limit';
import { startLocalHost } from '../../../functions/src/local/local-host';
import type { CaseServicePort } from '../../../functions/src/services/case-service-port';
import { freshServices, meCaseAt } from '../../support/service-fixture';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/** The bot on the real service (fresh tables in the run's Azurite), served by the local host. */
export interface BotHarness {
  readonly url: string;
  readonly connector: FakeConnector;
  readonly services: Awaited<ReturnType<typeof freshServices>>;
  post(
    activity: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Starts the harness; local (anonymous) mode unless settings say otherwise. */
export async function startBotHarness(
  options: {
    settings?: BotSettings;
    cloud?: CloudEnvironment;
    token?: TokenProvider;
    members?: unknown[];
    /** Wraps the application service (failpoints for crash-consistency tests). */
    wrapService?: (service: CaseServicePort) => CaseServicePort;
    /** R3: a card-action limit (none unless given). */
    limitCardActions?: UserLimiter;
    /** Where the bot keeps personal conversations for proactive messages (none unless given). */
    conversations?: BotDeps['conversations'];
  } = {},
): Promise<BotHarness> {
  const services = await freshServices();
  const connector = await startFakeConnector(options.members);
  const deps = {
    service: options.wrapService?.(services.cases) ?? services.cases,
    log: silentLogger,
    now: () => new Date(),
    categories: directoryCategories(services.providers),
    concernRaisers: directoryConcernRaisers(services.providers),
    ...(options.limitCardActions === undefined
      ? {}
      : { limitCardActions: options.limitCardActions }),
    ...(options.conversations === undefined ? {} : { conversations: options.conversations }),
  };
  const bot = await createBot({
    settings: options.settings ?? { mode: 'local-anonymous' },
    deps,
    ...(options.cloud === undefined ? {} : { cloud: options.cloud }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const route = {
    name: 'bot-messages',
    methods: ['POST' as const],
    route: 'messages',
    handler: (request: Parameters<typeof bot.handle>[0]) => bot.handle(request),
  };
  const host = await startLocalHost({ port: 0, routes: [route], log: silentLogger });
  return {
    url: `${host.url}/api/messages`,
    connector,
    services,
    post: async (activity, headers = {}) => {
      const response = await fetch(`${host.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
    },
    stop: async () => {
      await host.stop();
      await connector.stop();
    },
  };
}

/** A Mid Essex case for Emily Clarke at a Stage 1 plan with one target, ready to sign. */
export function seedStageOneCase(services: BotHarness['services']): Promise<string> {
  return meCaseAt(services, 'stage-1');
}
