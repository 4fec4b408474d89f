import type { AppConfig, GraphConfig, QueuesConfig } from '../../config/app-config';
import { lazyManagedIdentity } from '../../config/lazy-managed-identity';
import {
  ClientCredentials,
  TokenRequestError,
} from '../../infrastructure/graph/client-credentials';
import {
  GraphHttp,
  defaultRetryPolicy,
  type GraphRetryPolicy,
} from '../../infrastructure/graph/graph-http';
import {
  OutboxQueue,
  openQueue,
  type QueueConnection,
} from '../../infrastructure/queues/outbox-queue';
import type { Logger } from '../../http/logger';
import type { TableConnection } from '../../infrastructure/tables/table-clients';
import type { DeliveryParts } from '../create-case-service';
import { declaredActivityTypes } from './activity-types';
import { botFallbackFromConfig } from './bot-fallback-from-config';
import { EffectDeliverer } from './effect-deliverer';

/** Graph's resource (its `/.default` scope is what app-only tokens ask for). */
export const graphResource = 'https://graph.microsoft.com';

/** The queue connection for the configured account. */
export function queueConnection(queues: QueuesConfig): QueueConnection {
  return queues.kind === 'connectionString'
    ? { connectionString: queues.connectionString }
    : {
        endpoint: queues.endpoint,
        credential: lazyManagedIdentity(queues.managedIdentityClientId),
      };
}

/** The federated-credential audience a managed identity's token needs to act as the app. */
const tokenExchange = 'api://AzureADTokenExchange/.default';

function graphCredential(credential: GraphConfig['credential']) {
  if (credential.kind === 'secret') return { kind: 'secret' as const, secret: credential.secret };
  const identity = lazyManagedIdentity(credential.managedIdentityClientId);
  return {
    kind: 'assertion' as const,
    assertion: async () => {
      const token = await identity.getToken(tokenExchange);
      if (token === null) throw new TokenRequestError('managed identity gave no token', true);
      return token.token;
    },
  };
}

/** The case in the tab, for links in invitations and notifications (ids only). */
export function caseUrlFor(config: AppConfig): (caseId: string) => string {
  const origin = config.publicTabOrigin ?? 'https://teams.microsoft.com';
  return (caseId) => `${origin}/tab/#/cases/${encodeURIComponent(caseId)}`;
}

/**
 * The outbox queue and the Graph deliverer the configuration asks for; with the table
 * connection, notifications Graph refuses try the proactive bot before email.
 */
export function deliveryFromConfig(
  config: AppConfig,
  log: Logger,
  connection?: TableConnection,
  retry: GraphRetryPolicy = defaultRetryPolicy,
): DeliveryParts {
  const queue =
    config.queues === undefined
      ? undefined
      : new OutboxQueue(openQueue(queueConnection(config.queues), config.queues.outboxQueue));
  const graph = config.graph;
  const deliverer =
    graph === undefined
      ? undefined
      : new EffectDeliverer(
          new GraphHttp(
            graph.baseUrl,
            new ClientCredentials({
              authorityHost: graph.authorityHost,
              clientId: graph.clientId,
              credential: graphCredential(graph.credential),
              resource: graphResource,
            }),
            retry,
          ),
          {
            activityTypes: declaredActivityTypes,
            sender: graph.mailSender ?? null,
            batchRounds: 4,
            maxRetryAfterSeconds: 60,
            caseUrl: caseUrlFor(config),
            bot: connection === undefined ? null : botFallbackFromConfig(config, connection, log),
          },
        );
  return {
    ...(queue === undefined ? {} : { queue }),
    ...(deliverer === undefined ? {} : { deliverer }),
    onEnqueueFailed: (error, caseId) => {
      log.warn('Outbox enqueue failed; the re-drive timer will deliver', { error, caseId });
    },
  };
}
