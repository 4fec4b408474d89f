import { PUBLIC, type CloudEnvironment, type TokenProvider } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { ApiRequest, ApiResponse } from '../http/route-types';
import type { BotDeps } from './bot-deps';
import { handleBotRequest } from './bot-request';
import type { BotSettings } from './bot-settings';
import { FunctionsServerAdapter } from './functions-server-adapter';
import { registerHandlers } from './register-handlers';
import { sdkLogger } from './sdk-logger';

/** The messaging endpoint path the SDK registers (our route `messages` under `/api`). */
export const messagingEndpoint = '/api/messages';

/** How to build the bot. `cloud` and `token` exist for tests (a local key server, no MSAL). */
export interface BotOptions {
  readonly settings: BotSettings;
  readonly deps: BotDeps;
  readonly cloud?: CloudEnvironment;
  readonly token?: TokenProvider;
}

/** A ready bot: the SDK app and our request handler around it. */
export interface Bot {
  readonly app: App;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

// Every credential is passed explicitly (blank = none) so the SDK never falls back to the
// CLIENT_ID / CLIENT_SECRET / TENANT_ID environment variables behind our configuration's back.
function credentials(settings: BotSettings, token: TokenProvider | undefined) {
  if (settings.mode === 'local-anonymous') return { clientId: '', clientSecret: '', tenantId: '' };
  const base = { clientId: settings.clientId, tenantId: settings.tenantId, clientSecret: '' };
  return token === undefined
    ? { ...base, managedIdentityClientId: settings.managedIdentityClientId }
    : { ...base, token };
}

/**
 * Hosts the Teams SDK `App` in our route table through `FunctionsServerAdapter`:
 * `app.initialize()` registers the SDK's handler there; `app.start()` is never called.
 */
export async function createBot(options: BotOptions): Promise<Bot> {
  const adapter = new FunctionsServerAdapter();
  const cloud = options.cloud ?? PUBLIC;
  const local = options.settings.mode === 'local-anonymous';
  const app = new App({
    ...credentials(options.settings, options.token),
    cloud,
    httpServerAdapter: adapter,
    messagingEndpoint,
    // Explicit, so DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS in the environment cannot turn it on.
    dangerouslyAllowUnauthenticatedRequests: local,
    logger: sdkLogger(options.deps.log),
  });
  registerHandlers(app, options.deps);
  await app.initialize();
  const sdk = adapter.handler('POST', messagingEndpoint);
  const policy = { local, tokenIssuer: cloud.tokenIssuer, allowedChannels: ['msteams'] };
  return { app, handle: (request) => handleBotRequest(request, sdk, policy, options.deps.log) };
}
