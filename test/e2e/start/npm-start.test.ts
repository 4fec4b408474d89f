import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm start` as a newcomer runs it (scripts/start.ts through tsx, as package.json does): the
 * product comes up on loopback with seeded demo data, and Ctrl-C stops everything it started.
 */
const root = path.resolve(__dirname, '../../..');
const startScript = path.join(root, 'scripts/start.ts');

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      resolve(server);
    });
  });
}

async function freePort(): Promise<number> {
  const server = await listen();
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function isFree(port: number): Promise<boolean> {
  try {
    const server = await listen(port);
    await new Promise((resolve) => server.close(resolve));
    return true;
  } catch {
    return false;
  }
}

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', startScript], {
    cwd: root,
    env: { ...process.env, ...env, APPLICATION_INSIGHTS_NO_STATSBEAT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitFor(test: () => boolean, ms: number, what: string, out: () => string) {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`${what} not seen in ${ms} ms. Output:\n${out()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start', () => {
  let running: Started | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-azurite-'));

  afterAll(async () => {
    // After a failed assertion: stop it as a person would (Ctrl-C), so it stops its own children.
    if (running !== undefined && running.child.exitCode === null) {
      running.child.kill('SIGINT');
      const stopped = await Promise.race([
        running.exited.then(() => true),
        new Promise<boolean>((resolve) =>
          setTimeout(() => {
            resolve(false);
          }, 30_000),
        ),
      ]);
      if (!stopped) running.child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  it('names the busy port and exits 1', async () => {
    const holder = await listen();
    const address = holder.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = start({ PORT: String(port), AZURITE_DATA_DIR: dataDir });
      await expect(run.exited).resolves.toBe(1);
      expect(run.output()).toContain(
        `Port ${String(port)} on 127.0.0.1 (local host) is already in use`,
      );
      expect(run.output()).toContain('set PORT to another port');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 60_000);

  it('serves the API, tab, sign-in and seeded data on loopback; Ctrl-C stops everything', async () => {
    const port = await freePort();
    const azuritePort = await freePort();
    const queuePort = await freePort();
    const graphPort = await freePort();
    running = start({
      PORT: String(port),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_QUEUE_PORT: String(queuePort),
      GRAPH_PORT: String(graphPort),
      AZURITE_DATA_DIR: dataDir,
    });
    const run = running;
    await waitFor(
      () => run.output().includes('Ctrl-C stops everything.'),
      120_000,
      'banner',
      run.output,
    );
    const base = `http://127.0.0.1:${String(port)}`;
    const playground = /Teams \(bot\) (http:\/\/127\.0\.0\.1:(\d+))/.exec(run.output());
    expect(playground).not.toBeNull();
    expect(run.output()).toContain('demo providers seeded');

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    const tab = await fetch(`${base}/tab/`);
    expect(tab.status).toBe(200);
    expect(tab.headers.get('content-security-policy')).toContain('frame-ancestors');
    const token = (await (
      await fetch(`${base}/local-idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'me-course-tutor' }),
      })
    ).json()) as { access_token?: string; token?: string };
    const bearer = token.access_token ?? token.token ?? '';
    const cases = await fetch(`${base}/api/cases?mine=true`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(cases.status).toBe(200);
    expect(((await cases.json()) as { cases: unknown[] }).cases.length).toBeGreaterThan(0);
    expect((await fetch(playground![1]!)).status).toBe(200);
    // The local Graph prints its page; the seed's notifications reach the personas' feeds through the queue.
    expect(run.output()).toContain(`Graph       http://127.0.0.1:${String(graphPort)}/`);
    let page = '';
    const until = Date.now() + 30_000;
    while (!page.includes('Teams activity feed') || !/<li>[a-z-]+: /.test(page)) {
      if (Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await (await fetch(`http://127.0.0.1:${String(graphPort)}/`)).text();
    }
    expect(page).toContain('Claire Fenton');
    expect(page).toMatch(/<li>[a-z-]+: /);

    run.child.kill('SIGINT');
    await expect(run.exited).resolves.toBe(0);
    const playgroundPort = Number(playground![2]);
    // Everything it started has let go of its port: the host, Azurite and the Playground.
    for (const p of [port, azuritePort, queuePort, graphPort, playgroundPort])
      expect(await isFree(p)).toBe(true);
  }, 180_000);

  // Issue 8 item 4: npm start never sits half up, and nothing outlives it.
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  async function startedWithBanner() {
    const port = await freePort();
    const azuritePort = await freePort();
    const run = start({
      PORT: String(port),
      AZURITE_TABLE_PORT: String(azuritePort),
      AZURITE_DATA_DIR: dataDir,
    });
    running = run;
    await waitFor(
      () => run.output().includes('Ctrl-C stops everything.'),
      120_000,
      'banner',
      run.output,
    );
    const azuritePid = Number(/Azurite {5}pid (\d+)/.exec(run.output())?.[1]);
    const playgroundPort = Number(
      /Teams \(bot\) http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output())?.[1],
    );
    expect(alive(azuritePid)).toBe(true);
    return { run, port, azuritePort, azuritePid, playgroundPort };
  }

  it('when Azurite dies, npm start says what died and exits 1', async () => {
    const { run, port, azuritePid, playgroundPort } = await startedWithBanner();
    process.kill(azuritePid, 'SIGKILL');
    await expect(run.exited).resolves.toBe(1);
    expect(run.output()).toContain(
      `Azurite (pid ${String(azuritePid)}) stopped unexpectedly (SIGKILL)`,
    );
    for (const p of [port, playgroundPort]) expect(await isFree(p)).toBe(true);
  }, 180_000);

  it('killed with SIGKILL, npm start leaves no Azurite or Playground behind', async () => {
    const { run, azuritePort, azuritePid, playgroundPort } = await startedWithBanner();
    run.child.kill('SIGKILL');
    await run.exited;
    await waitFor(() => !alive(azuritePid), 10_000, 'Azurite gone', run.output);
    const until = Date.now() + 10_000;
    while (!((await isFree(azuritePort)) && (await isFree(playgroundPort))) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 200));
    for (const p of [azuritePort, playgroundPort]) expect(await isFree(p)).toBe(true);
  }, 180_000);
});
