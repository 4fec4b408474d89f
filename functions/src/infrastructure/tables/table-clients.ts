import { RestError, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { toReadError } from './storage-failures';
import { InsecureEndpointError } from './storage-errors';

/** How to reach the storage account: a connection string (Azurite/local) or managed identity. */
export type TableConnection =
  | { readonly connectionString: string }
  | { readonly endpoint: string; readonly credential: TokenCredential };

/** Pipeline options a caller (or a test) may add. */
export type TableOptions = Pick<TableServiceClientOptions, 'additionalPolicies' | 'retryOptions'>;

/** A TableClient whose table is created on first use. */
export interface ManagedTable {
  readonly client: TableClient;
  /** Creates the table once (409 "already exists" is fine); retried after a failure. */
  ready(): Promise<void>;
}

const DEVELOPMENT_ENDPOINT = 'http://127.0.0.1:10002/devstoreaccount1';

function setting(connectionString: string, name: string): string | undefined {
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().toLowerCase() === name.toLowerCase()) {
      return part.slice(at + 1).trim();
    }
  }
  return undefined;
}

/** The table endpoint a connection string points at. */
export function tableEndpointOf(connectionString: string): string {
  if (setting(connectionString, 'UseDevelopmentStorage')?.toLowerCase() === 'true') {
    return DEVELOPMENT_ENDPOINT;
  }
  const explicit = setting(connectionString, 'TableEndpoint');
  if (explicit !== undefined) return explicit;
  const protocol = setting(connectionString, 'DefaultEndpointsProtocol') ?? 'https';
  const suffix = setting(connectionString, 'EndpointSuffix') ?? 'core.windows.net';
  return `${protocol}://${setting(connectionString, 'AccountName') ?? ''}.table.${suffix}`;
}

/** True only for plain http on 127.0.0.1 or localhost; throws for plain http anywhere else. */
export function allowsInsecure(endpoint: string): boolean {
  const url = new URL(endpoint);
  if (url.protocol === 'https:') return false;
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) {
    return true;
  }
  throw new InsecureEndpointError(`refusing ${url.protocol} table endpoint ${url.host}: use https`);
}

function createClient(connection: TableConnection, name: string, options: TableOptions) {
  if ('connectionString' in connection) {
    const allowInsecureConnection = allowsInsecure(tableEndpointOf(connection.connectionString));
    return TableClient.fromConnectionString(connection.connectionString, name, {
      ...options,
      allowInsecureConnection,
    });
  }
  const allowInsecureConnection = allowsInsecure(connection.endpoint);
  return new TableClient(connection.endpoint, name, connection.credential, {
    ...options,
    allowInsecureConnection,
  });
}

/** Opens table `name`; the table itself is created by the first `ready()`. */
export function openTable(
  connection: TableConnection,
  name: string,
  options: TableOptions = {},
): ManagedTable {
  const client = createClient(connection, name, options);
  let creating: Promise<void> | undefined;
  const create = async (): Promise<void> => {
    try {
      await client.createTable();
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return;
      creating = undefined;
      throw toReadError(error, `creating table ${name}`);
    }
  };
  return {
    client,
    ready: () => (creating ??= create()),
  };
}
