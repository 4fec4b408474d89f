import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';

const HOST = '127.0.0.1';
const DEVSTORE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Where and how to run the Azurite table service. */
export interface AzuriteOptions {
  /** Workspace folder (data files when persisted; the working directory either way). */
  readonly location: string;
  /** Fixed port; a free one is picked when omitted. */
  readonly port?: number;
  /** Keep data in memory only (tests). */
  readonly inMemory?: boolean;
  /** Own process group, so a terminal Ctrl-C reaches only our script (CLI). */
  readonly detached?: boolean;
  readonly readyTimeoutMs?: number;
  /** Also run the queue service (the outbox relay's queue); its port, 0 = a free one. */
  readonly queuePort?: number;
}

/** A running Azurite table service. */
export interface AzuriteHandle {
  readonly connectionString: string;
  readonly port: number;
  /** The queue service, when it was asked for. */
  readonly queue?: { readonly port: number; readonly connectionString: string };
  readonly pid: number;
  /** Settles when a service's process ends, for whatever reason (exit code, or the signal's name). */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Preloaded into Azurite: it stops when its parent's IPC channel closes, so it never outlives
 * the process that started it, even one killed with SIGKILL (issue 8 item 4).
 */
export const exitWithParentPreload = path.join(__dirname, 'exit-with-parent.cjs');

/** The requested port is already taken by another process. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Port ${port} on ${HOST} is already in use; stop whatever holds it or choose another.`);
  }
}

/** Azurite exited early or never accepted connections. */
export class AzuriteStartError extends Error {
  override readonly name = 'AzuriteStartError';
}

/** The standard devstoreaccount1 connection string for a table endpoint on loopback. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEVSTORE_KEY};` +
    `TableEndpoint=http://${HOST}:${port}/devstoreaccount1;`
  );
}

/** The devstoreaccount1 connection string for a queue endpoint on loopback. */
export function azuriteQueueConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEVSTORE_KEY};` +
    `QueueEndpoint=http://${HOST}:${port}/devstoreaccount1;`
  );
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    });
    server.listen({ host: HOST, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => {
        resolve(bound);
      });
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

async function waitUntilReady(child: ChildProcess, port: number, log: () => string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AzuriteStartError(`Azurite on ${HOST}:${port} exited early:\n${log()}`);
    }
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new AzuriteStartError(
    `Azurite did not accept connections on ${HOST}:${port} within ${ms} ms:\n${log()}`,
  );
}

function azuriteArgs(options: AzuriteOptions, port: number, service = 'table'): string[] {
  const main = path.join(
    path.dirname(require.resolve('azurite/package.json')),
    `dist/src/${service}/main.js`,
  );
  const storage =
    options.inMemory === true ? ['--inMemoryPersistence'] : ['--location', options.location];
  return [
    '--require',
    exitWithParentPreload,
    main,
    ...[`--${service}Host`, HOST, `--${service}Port`, String(port), ...storage],
    ...['--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry', '--silent'],
  ];
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Azurite closes gracefully (and flushes its Loki files) on an IPC "shutdown" message.
  if (child.connected) child.send('shutdown');
  const graceful = await Promise.race([
    exited(child).then(() => true),
    new Promise<boolean>((resolve) => {
      setTimeout(() => {
        resolve(false);
      }, 5_000).unref();
    }),
  ]);
  if (child.connected) child.disconnect();
  if (!graceful) child.kill('SIGKILL');
  await exited(child);
}

interface Service {
  readonly port: number;
  readonly child: ChildProcess;
  readonly killOnExit: () => void;
}

async function startService(options: AzuriteOptions, port: number, name: string): Promise<Service> {
  const child = spawn(process.execPath, azuriteArgs(options, port, name), {
    cwd: options.location,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: options.detached === true,
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilReady(child, port, () => output, options.readyTimeoutMs ?? 20_000);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  }
  return { port, child, killOnExit };
}

async function stopService(service: Service): Promise<void> {
  process.removeListener('exit', service.killOnExit);
  await stopChild(service.child);
}

/**
 * Starts the Azurite table service on 127.0.0.1 (and the queue service when `queuePort` is
 * given) and waits until each port accepts connections.
 */
export async function startAzurite(options: AzuriteOptions): Promise<AzuriteHandle> {
  mkdirSync(options.location, { recursive: true });
  const table = await startService(options, await listenOnce(options.port ?? 0), 'table');
  let queue: Service | undefined;
  if (options.queuePort !== undefined) {
    try {
      queue = await startService(options, await listenOnce(options.queuePort), 'queue');
    } catch (error) {
      await stopService(table);
      throw error;
    }
  }
  return {
    connectionString: azuriteConnectionString(table.port),
    port: table.port,
    ...(queue === undefined
      ? {}
      : {
          queue: { port: queue.port, connectionString: azuriteQueueConnectionString(queue.port) },
        }),
    pid: table.child.pid ?? -1,
    exited: Promise.race(
      [table, ...(queue === undefined ? [] : [queue])].map(({ child }) =>
        exited(child).then(() =>
          child.signalCode === null ? `exit code ${String(child.exitCode)}` : child.signalCode,
        ),
      ),
    ),
    stop: async () => {
      if (queue !== undefined) await stopService(queue);
      await stopService(table);
    },
  };
}
