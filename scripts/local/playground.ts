import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPersonas } from '../../functions/src/local/demo-personas';
import { exitWithParentPreload } from './azurite';

/** The Teams user the Playground acts as (a demo persona: valid Entra GUIDs, unlike its defaults). */
export interface PlaygroundUser {
  readonly name: string;
  readonly tid: string;
  readonly oid: string;
}

/** Where the Playground sends activities, and as whom. */
export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:7071/api/messages`. */
  readonly botEndpoint: string;
  /** Defaults to Gareth Jones, the Mid Essex demo mentor (partner-school tenant). */
  readonly user?: PlaygroundUser;
  /**
   * The other members of its group chat and team, as `user-id-1`..`user-id-N` (it requires at
   * least five). Default: five people who are on no case.
   */
  readonly members?: readonly PlaygroundUser[];
  /** Port to ask for; the Playground silently picks another if it is busy. Default: a free one. */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
}

/**
 * Preloaded into the Playground through NODE_OPTIONS: a `listen` without a host binds
 * 127.0.0.1, since 0.2.28 listens on every interface and has no host option (issue 8 item 4).
 */
export const loopbackPreload = path.join(__dirname, 'loopback-listen.cjs');

/** A running Microsoft 365 Agents Playground (Teams channel emulator). */
export interface Playground {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the process ends, for whatever reason (exit code, or the signal's name). */
  readonly exited: Promise<string>;
  /** The Playground's own log file (it never writes into the repository). */
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The Playground exited early or never became ready. */
export class PlaygroundStartError extends Error {
  override readonly name = 'PlaygroundStartError';
}

function defaultUser(): PlaygroundUser {
  const mentor = demoPersonas.find((p) => p.id === 'me-mentor');
  if (mentor === undefined)
    throw new PlaygroundStartError('The demo persona me-mentor is missing.');
  return { name: mentor.name, tid: mentor.tid, oid: mentor.oid };
}

// Other members of the Playground's group chat and team (it requires at least five).
const others: readonly PlaygroundUser[] = [
  'Megan Bowen',
  'Adele Vance',
  'Isaiah Langer',
  'Patti Fernandez',
  'Lynne Robbins',
].map((name, i) => ({ name, tid: '', oid: `00000000-0000-4000-8000-0000000000${String(i + 21)}` }));

// Mock Teams data: the Playground's built-in ids are not valid GUIDs (13-digit last group).
function configYaml(user: PlaygroundUser, members: readonly PlaygroundUser[]): string {
  return [
    'version: "0.1.1"',
    `tenantId: ${user.tid}`,
    'bot:',
    '  id: 00000000-0000-4000-8000-0000000000b0',
    '  name: Support plans',
    'currentUser:',
    '  id: user-id-0',
    `  name: ${JSON.stringify(user.name)}`,
    '  userPrincipleName: user0@example.com',
    `  aadObjectId: ${user.oid}`,
    `  givenName: ${JSON.stringify(user.name.split(' ')[0] ?? user.name)}`,
    `  surname: ${JSON.stringify(user.name.split(' ').slice(1).join(' '))}`,
    '  email: user0@example.com',
    'users:',
    ...members.flatMap(({ name, oid }, i) => [
      `  - id: user-id-${i + 1}`,
      `    name: ${JSON.stringify(name)}`,
      `    userPrincipleName: user${i + 1}@example.com`,
      `    aadObjectId: ${oid}`,
      `    givenName: ${JSON.stringify(name.split(' ')[0] ?? name)}`,
      `    surname: ${JSON.stringify(name.split(' ').slice(1).join(' '))}`,
      `    email: user${i + 1}@example.com`,
    ]),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: My Team',
    '  aadGroupId: 00000000-0000-4000-8000-000000000031',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
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

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([
    exited(child).then(() => true),
    new Promise<boolean>((resolve) => {
      setTimeout(() => {
        resolve(false);
      }, 3_000).unref();
    }),
  ]);
  if (!done) child.kill('SIGKILL');
  await exited(child);
}

async function pinged(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/_debug/ping`, {
      signal: AbortSignal.timeout(1_000),
    });
    return (await response.text()).includes('pong');
  } catch {
    return false; // not listening yet
  }
}

async function waitReady(child: ChildProcess, output: () => string, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new PlaygroundStartError(`The Playground exited early:\n${output()}`);
    const port = /Listening on (\d+)/.exec(output())?.[1];
    if (port !== undefined && (await pinged(Number(port)))) return Number(port);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new PlaygroundStartError(`The Playground was not ready within ${ms} ms:\n${output()}`);
}

/**
 * Starts Microsoft 365 Agents Playground (`-c msteams`) against a bot endpoint, on loopback,
 * with telemetry and statsbeat off and no browser of its own. Its port is read from its
 * `Listening on N` line. The bot must run in local (anonymous) mode: no `--client-id` is given.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'playground-'));
  const configPath = path.join(workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, configYaml(options.user ?? defaultUser(), options.members ?? others));
  const logFile = path.join(workDir, 'playground.log');
  const cli = path.join(
    path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
    'cli.js',
  );
  const port = options.port ?? (await freePort());
  const args = [
    cli,
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(port),
    '--disable-telemetry',
  ];
  const preloads = `--require ${JSON.stringify(loopbackPreload)} --require ${JSON.stringify(exitWithParentPreload)}`;
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    // The IPC channel only tells the Playground when its parent is gone (exit-with-parent.cjs).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, preloads].filter(Boolean).join(' '),
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const listening = await waitReady(child, () => output, options.readyTimeoutMs ?? 30_000);
    const ended = exited(child).then(() =>
      child.signalCode === null ? `exit code ${String(child.exitCode)}` : child.signalCode,
    );
    return {
      url: `http://127.0.0.1:${listening}`,
      port: listening,
      pid: child.pid ?? -1,
      logFile,
      exited: ended,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
