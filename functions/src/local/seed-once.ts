import { RestError } from '@azure/data-tables';
import { openTable, type TableConnection } from '../infrastructure/tables/table-clients';

/** Table holding local-only bookkeeping (the seed marker). */
export const localMetaTable = 'localmeta';

const marker = { partitionKey: 'seed', rowKey: 'demo-v1' } as const;

async function hasMarker(connection: TableConnection): Promise<boolean> {
  const table = openTable(connection, localMetaTable);
  await table.ready();
  try {
    await table.client.getEntity(marker.partitionKey, marker.rowKey);
    return true;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return false;
    throw error;
  }
}

/** Runs `seed` unless the marker row says it already ran; writes the marker after success. */
export async function seedOnce(
  connection: TableConnection,
  seed: () => Promise<void>,
): Promise<'seeded' | 'already-seeded'> {
  if (await hasMarker(connection)) return 'already-seeded';
  await seed();
  const table = openTable(connection, localMetaTable);
  await table.client.upsertEntity({ ...marker, seededAt: new Date().toISOString() }, 'Replace');
  return 'seeded';
}
