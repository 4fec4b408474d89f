import { RestError, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { toReadError } from './storage-failures';
import { allowsInsecure, tableEndpointOf } from './table-endpoint';

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
