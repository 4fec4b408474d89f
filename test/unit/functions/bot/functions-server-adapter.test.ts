import {
  BotRouteMissingError,
  FunctionsServerAdapter,
} from '../../../../functions/src/bot/functions-server-adapter';
import { botSettings } from '../../../../functions/src/bot/bot-settings';
import { createBot } from '../../../../functions/src/bot/create-bot';
import { silentLogger } from '../../../../functions/src/http/logger';
import { StartupError } from '../../../../functions/src/config/startup-error';
import type { CaseServicePort } from '../../../../functions/src/services/case-service-port';

// The bot never reaches the service in these tests; any call is a test failure.
const unreachable = () => Promise.reject(new Error('the service must not be called here'));
const service: CaseServicePort = {
  openCase: unreachable,
  execute: unreachable,
  getCase: unreachable,
  available: unreachable,
  history: unreachable,
  listMine: unreachable,
  viewersAmong: unreachable,
};
const deps = {
  service,
  log: silentLogger,
  now: () => new Date(),
  categories: () => Promise.resolve([]),
};

describe('hosting the Teams SDK through IHttpServerAdapter', () => {
  it('app.initialize() registers the messaging handler on our adapter; we never call start()', async () => {
    const bot = await createBot({ settings: { mode: 'local-anonymous' }, deps });
    const adapter: unknown = bot.app.server.adapter;
    expect(adapter).toBeInstanceOf(FunctionsServerAdapter);
    expect(() =>
      (adapter as FunctionsServerAdapter).handler('POST', '/api/messages'),
    ).not.toThrow();
  });

  it('an unregistered route is a typed error', () => {
    expect(() => new FunctionsServerAdapter().handler('POST', '/api/other')).toThrow(
      BotRouteMissingError,
    );
  });

  it('outside local mode, missing bot credentials stop the start with a typed error', () => {
    expect(() => botSettings({ appEnv: 'production', bot: {} })).toThrow(StartupError);
  });
});
