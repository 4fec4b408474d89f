import { localClientId } from './demo-personas';

/** Where the local outbox queue and the local Graph are (both optional for hosts that need neither). */
export interface LocalDelivery {
  readonly queueConnectionString?: string;
  readonly graphUrl?: string;
  /** The mailbox `sendMail` fallbacks come from, and its tenant. */
  readonly mailSender?: { readonly userId: string; readonly tenantId: string };
}

/** The environment of the local product: local mode, local IdP on, Azurite storage, local Graph. */
export function localEnvironment(
  port: number,
  connectionString: string,
  delivery: LocalDelivery = {},
): Record<string, string> {
  return {
    APP_ENV: 'local',
    LOCAL_IDP: 'on',
    AUTH_CLIENT_ID: localClientId,
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/local-idp/keys`,
    AZURE_TABLES_CONNECTION_STRING: connectionString,
    PUBLIC_TAB_ORIGIN: `http://127.0.0.1:${port}`,
    PORT: String(port),
    ...(delivery.queueConnectionString === undefined
      ? {}
      : { AZURE_QUEUES_CONNECTION_STRING: delivery.queueConnectionString }),
    ...(delivery.graphUrl === undefined
      ? {}
      : {
          GRAPH_BASE_URL: `${delivery.graphUrl}/`,
          GRAPH_AUTHORITY_HOST: `${delivery.graphUrl}/`,
          GRAPH_CLIENT_ID: localClientId,
          GRAPH_CLIENT_SECRET: 'local-graph-client-secret',
        }),
    ...(delivery.mailSender === undefined
      ? {}
      : {
          GRAPH_MAIL_SENDER: delivery.mailSender.userId,
          GRAPH_MAIL_SENDER_TENANT: delivery.mailSender.tenantId,
        }),
  };
}
