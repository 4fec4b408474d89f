import { TableServiceClient } from '@azure/data-tables';
import { lazyManagedIdentity } from './lazy-managed-identity';
import type { TableConnection } from '../infrastructure/tables/table-clients';
import { allowsInsecure, tableEndpointOf } from '../infrastructure/tables/table-endpoint';
import type { TablesConfig } from './app-config';

/** The storage connection for the configured account: Azurite by connection string, Azure by managed identity. */
export function tableConnection(tables: TablesConfig): TableConnection {
  if (tables.kind === 'connectionString') return { connectionString: tables.connectionString };
  return {
    endpoint: tables.endpoint,
    credential: lazyManagedIdentity(tables.managedIdentityClientId),
  };
}

/** The account-level Table service client (health probe, table listing). */
export function createTableServiceClient(connection: TableConnection): TableServiceClient {
  if ('connectionString' in connection) {
    const allowInsecureConnection = allowsInsecure(tableEndpointOf(connection.connectionString));
    return TableServiceClient.fromConnectionString(connection.connectionString, {
      allowInsecureConnection,
    });
  }
  const allowInsecureConnection = allowsInsecure(connection.endpoint);
  return new TableServiceClient(connection.endpoint, connection.credential, {
    allowInsecureConnection,
  });
}
