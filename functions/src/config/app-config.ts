import { z } from 'zod';
import { apiRateLimit, cardActionRateLimit, type UserRateLimit } from './rate-limits';
import { StartupError } from './startup-error';

/** Entra's tenant-independent signing keys (multi-tenant apps). */
export const entraCommonJwksUrl = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Where Azure Table Storage is: a connection string (Azurite, local) or an endpoint + identity. */
export type TablesConfig =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | {
      readonly kind: 'endpoint';
      readonly endpoint: string;
      readonly managedIdentityClientId?: string;
    };

/** Where Azure Queue Storage is (the outbox queue): Azurite's connection string or the queue endpoint. */
export type QueuesConfig =
  | {
      readonly kind: 'connectionString';
      readonly connectionString: string;
      readonly outboxQueue: string;
    }
  | {
      readonly kind: 'endpoint';
      readonly endpoint: string;
      readonly managedIdentityClientId?: string;
      readonly outboxQueue: string;
    };

/** How the outbox relay reaches Graph: app-only, client credentials. Real Graph is only other values. */
export interface GraphConfig {
  readonly baseUrl: string;
  readonly authorityHost: string;
  readonly clientId: string;
  /** A secret (local stand-in only), or the managed identity's federated credential (Azure). */
  readonly credential:
    | { readonly kind: 'secret'; readonly secret: string }
    | { readonly kind: 'managed-identity'; readonly managedIdentityClientId?: string };
  /** The provider mailbox `sendMail` fallbacks come from (UPN or object id) and its tenant. */
  readonly mailSender?: { readonly tenantId: string; readonly userId: string };
}

/** The process configuration, read once at start-up, validated and frozen. */
export interface AppConfig {
  readonly appEnv: 'local' | 'production';
  readonly tables: TablesConfig;
  readonly auth: {
    readonly clientId: string;
    readonly appIdUri?: string;
    readonly jwksUrl: string;
  };
  readonly localIdp: boolean;
  readonly bot: { readonly clientId?: string; readonly tenantId?: string };
  readonly publicTabOrigin?: string;
  /** Port of the local host (ignored in Azure). */
  readonly port: number;
  /** R3: requests per person per window, for the API and for card actions. */
  readonly rateLimits: { readonly api: UserRateLimit; readonly cardActions: UserRateLimit };
  /** The outbox queue (absent: effects are delivered by the re-drive timer only). */
  readonly queues?: QueuesConfig;
  /** Graph for the outbox relay (absent: effects stay pending, visible on the case). */
  readonly graph?: GraphConfig;
}

const onOff = z.enum(['on', 'off']);
const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankAsUndefined, schema.optional());

/** `points/seconds`, e.g. `60/10`: at most `points` requests per person in `seconds`. */
const rateLimitSchema = z
  .string()
  .regex(/^\d{1,7}\/\d{1,5}$/, 'must be requests/seconds, e.g. 60/10')
  .transform((value): UserRateLimit => {
    const [points, seconds] = value.split('/').map(Number) as [number, number];
    return { points, seconds };
  })
  .refine((limit) => limit.points >= 1 && limit.seconds >= 1, 'both numbers must be at least 1');

const envSchema = z.object({
  APP_ENV: z.enum(['local', 'production']),
  AZURE_TABLES_CONNECTION_STRING: optional(z.string().min(1)),
  AZURE_TABLES_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  AZURE_CLIENT_ID: optional(z.guid()),
  AUTH_CLIENT_ID: z.guid(),
  AUTH_APP_ID_URI: optional(z.string().regex(/^api:\/\/[^\s]+$/, 'must start with api://')),
  AUTH_JWKS_URL: optional(z.url({ protocol: /^https?$/ })),
  LOCAL_IDP: z.preprocess(blankAsUndefined, onOff.default('off')),
  BOT_CLIENT_ID: optional(z.guid()),
  BOT_TENANT_ID: optional(z.guid()),
  PUBLIC_TAB_ORIGIN: optional(z.url({ protocol: /^https?$/ })),
  PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(65_535).default(7071)),
  API_RATE_LIMIT: optional(rateLimitSchema),
  CARD_ACTION_RATE_LIMIT: optional(rateLimitSchema),
  AZURE_QUEUES_CONNECTION_STRING: optional(z.string().min(1)),
  AZURE_QUEUES_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  OUTBOX_QUEUE_NAME: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,55}[a-z0-9]$/, 'must be a queue name (lower case, 3-57)')
      .default('outbox'),
  ),
  GRAPH_BASE_URL: z.preprocess(
    blankAsUndefined,
    z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com/'),
  ),
  GRAPH_AUTHORITY_HOST: z.preprocess(
    blankAsUndefined,
    z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/'),
  ),
  GRAPH_CLIENT_ID: optional(z.guid()),
  GRAPH_CLIENT_SECRET: optional(z.string().min(1)),
  GRAPH_CREDENTIAL: optional(z.enum(['managed-identity'])),
  GRAPH_MAIL_SENDER: optional(z.string().min(3).max(320)),
  GRAPH_MAIL_SENDER_TENANT: optional(z.guid()),
});

type Env = z.infer<typeof envSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`)
    .join('; ');
}

function tablesFrom(env: Env): TablesConfig {
  if (env.AZURE_TABLES_CONNECTION_STRING !== undefined) {
    return { kind: 'connectionString', connectionString: env.AZURE_TABLES_CONNECTION_STRING };
  }
  if (env.AZURE_TABLES_ENDPOINT !== undefined) {
    const identity = env.AZURE_CLIENT_ID;
    return identity === undefined
      ? { kind: 'endpoint', endpoint: env.AZURE_TABLES_ENDPOINT }
      : {
          kind: 'endpoint',
          endpoint: env.AZURE_TABLES_ENDPOINT,
          managedIdentityClientId: identity,
        };
  }
  throw new StartupError(
    'Missing AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT: set one to reach Table Storage.',
  );
}

function queuesFrom(env: Env): QueuesConfig | undefined {
  const outboxQueue = env.OUTBOX_QUEUE_NAME;
  if (env.AZURE_QUEUES_CONNECTION_STRING !== undefined)
    return {
      kind: 'connectionString',
      connectionString: env.AZURE_QUEUES_CONNECTION_STRING,
      outboxQueue,
    };
  if (env.AZURE_QUEUES_ENDPOINT === undefined) return undefined;
  const identity = env.AZURE_CLIENT_ID;
  return {
    kind: 'endpoint',
    endpoint: env.AZURE_QUEUES_ENDPOINT,
    outboxQueue,
    ...(identity === undefined ? {} : { managedIdentityClientId: identity }),
  };
}

function graphFrom(env: Env): GraphConfig | undefined {
  if (env.GRAPH_CLIENT_ID === undefined) {
    if (env.GRAPH_CLIENT_SECRET !== undefined || env.GRAPH_CREDENTIAL !== undefined)
      throw new StartupError('GRAPH_CLIENT_ID is missing: the Graph credential names no app.');
    return undefined;
  }
  if ((env.GRAPH_CLIENT_SECRET === undefined) === (env.GRAPH_CREDENTIAL === undefined))
    throw new StartupError(
      'Set exactly one of GRAPH_CLIENT_SECRET and GRAPH_CREDENTIAL=managed-identity.',
    );
  if (env.GRAPH_CLIENT_SECRET !== undefined && env.APP_ENV === 'production')
    throw new StartupError(
      'GRAPH_CLIENT_SECRET is for the local Graph only; use GRAPH_CREDENTIAL=managed-identity.',
    );
  const insecure = [env.GRAPH_BASE_URL, env.GRAPH_AUTHORITY_HOST].find(
    (url) => url.startsWith('http:') && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url),
  );
  if (insecure !== undefined)
    throw new StartupError(`Graph URL ${insecure} must use https (plain http only on loopback).`);
  const sender = env.GRAPH_MAIL_SENDER;
  const senderTenant = env.GRAPH_MAIL_SENDER_TENANT;
  if ((sender === undefined) !== (senderTenant === undefined))
    throw new StartupError('Set both GRAPH_MAIL_SENDER and GRAPH_MAIL_SENDER_TENANT, or neither.');
  return {
    baseUrl: env.GRAPH_BASE_URL,
    authorityHost: env.GRAPH_AUTHORITY_HOST,
    clientId: env.GRAPH_CLIENT_ID,
    credential:
      env.GRAPH_CLIENT_SECRET !== undefined
        ? { kind: 'secret', secret: env.GRAPH_CLIENT_SECRET }
        : {
            kind: 'managed-identity',
            ...(env.AZURE_CLIENT_ID === undefined
              ? {}
              : { managedIdentityClientId: env.AZURE_CLIENT_ID }),
          },
    ...(sender === undefined || senderTenant === undefined
      ? {}
      : { mailSender: { tenantId: senderTenant, userId: sender } }),
  };
}

function jwksUrlFrom(env: Env): string {
  if (env.AUTH_JWKS_URL !== undefined) return env.AUTH_JWKS_URL;
  const localKeys = env.APP_ENV === 'local' && env.LOCAL_IDP === 'on';
  return localKeys ? `http://127.0.0.1:${env.PORT}/local-idp/keys` : entraCommonJwksUrl;
}

function optionalPart<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}

/** Parses the environment into a frozen `AppConfig`; a `StartupError` names what is missing. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new StartupError(`Invalid configuration: ${describeIssues(parsed.error)}`);
  }
  const e = parsed.data;
  return deepFreeze({
    appEnv: e.APP_ENV,
    tables: tablesFrom(e),
    auth: {
      clientId: e.AUTH_CLIENT_ID,
      ...(e.AUTH_APP_ID_URI === undefined ? {} : { appIdUri: e.AUTH_APP_ID_URI }),
      jwksUrl: jwksUrlFrom(e),
    },
    localIdp: e.LOCAL_IDP === 'on',
    bot: {
      ...(e.BOT_CLIENT_ID === undefined ? {} : { clientId: e.BOT_CLIENT_ID }),
      ...(e.BOT_TENANT_ID === undefined ? {} : { tenantId: e.BOT_TENANT_ID }),
    },
    ...(e.PUBLIC_TAB_ORIGIN === undefined ? {} : { publicTabOrigin: e.PUBLIC_TAB_ORIGIN }),
    port: e.PORT,
    rateLimits: {
      api: e.API_RATE_LIMIT ?? apiRateLimit,
      cardActions: e.CARD_ACTION_RATE_LIMIT ?? cardActionRateLimit,
    },
    ...optionalPart('queues', queuesFrom(e)),
    ...optionalPart('graph', graphFrom(e)),
  });
}
