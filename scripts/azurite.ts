import path from 'node:path';
import { PortInUseError, startAzurite } from './local/azurite';

/** `npm run azurite`: local table and queue services with data kept in .data/azurite until Ctrl-C. */
async function main(): Promise<void> {
  const port = Number(process.env.AZURITE_TABLE_PORT ?? '10002');
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    console.error(
      `AZURITE_TABLE_PORT must be a port number, got ${String(process.env.AZURITE_TABLE_PORT)}`,
    );
    process.exit(1);
  }
  const location = path.resolve(__dirname, '..', '.data', 'azurite');
  const queuePort = Number(process.env.AZURITE_QUEUE_PORT ?? '10001');
  const azurite = await startAzurite({ location, port, queuePort, detached: true }).catch(
    (error: unknown) => {
      if (!(error instanceof PortInUseError)) throw error;
      console.error(
        `Port ${port} is busy (is Azurite already running?). Set AZURITE_TABLE_PORT to use another.`,
      );
      process.exit(1);
    },
  );
  console.log(`Azurite tables on 127.0.0.1:${port}, data in ${location}`);
  console.log(`AZURE_TABLES_CONNECTION_STRING="${azurite.connectionString}"`);
  if (azurite.queue !== undefined)
    console.log(`AZURE_QUEUES_CONNECTION_STRING="${azurite.queue.connectionString}"`);
  console.log('Ctrl-C stops it.');
  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping Azurite...`);
    azurite.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
