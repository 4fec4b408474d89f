import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

// Issue 8 item 4: the preloads `npm start` gives its children (scripts/local/*.cjs).
const root = path.resolve(__dirname, '../../..');
const loopback = path.join(root, 'scripts/local/loopback-listen.cjs');
const exitWithParent = path.join(root, 'scripts/local/exit-with-parent.cjs');

function addressesWith(preload: string[], listenCalls: string): string[] {
  const script = `
    const net = require('node:net');
    const calls = [${listenCalls}];
    let left = calls.length; const out = [];
    for (const call of calls) {
      const s = net.createServer();
      call(s, () => { out.push(s.address().address); s.close(); if (--left === 0) console.log(JSON.stringify(out)); });
    }`;
  const args = [...preload.flatMap((p) => ['--require', p]), '-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as string[];
}

const calls = `(s, cb) => s.listen(0, cb), (s, cb) => s.listen({ port: 0 }, cb), (s, cb) => s.listen(0, '0.0.0.0', cb)`;

describe('loopback-listen.cjs (the Agents Playground listens on 127.0.0.1 only)', () => {
  it('without it, a listen with no host binds every interface (the problem)', () => {
    const [bare, options] = addressesWith([], calls);
    expect([bare, options]).toEqual(['::', '::']);
  });

  it('with it, a listen with no host binds 127.0.0.1; an explicit host is kept', () => {
    expect(addressesWith([loopback], calls)).toEqual(['127.0.0.1', '127.0.0.1', '0.0.0.0']);
  });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('exit-with-parent.cjs (a child never outlives npm start, even after SIGKILL)', () => {
  it.each([
    ['with the preload', false, [exitWithParent]],
    ['without it (the problem)', true, []],
  ])(
    '%s (survives: %s)',
    async (_name, survives, preload) => {
      // A "parent" that starts a long-running child over IPC, as npm start starts Azurite.
      const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [${preload.map((p) => `'--require', ${JSON.stringify(p)}`).join(', ')}${preload.length > 0 ? ', ' : ''}'-e', 'process.on("SIGINT", () => process.exit(0)); setInterval(() => {}, 1000)'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
      const parent = spawn(process.execPath, ['-e', parentScript], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const childPid = await new Promise<number>((resolve) => {
        parent.stdout.once('data', (chunk: Buffer) => {
          resolve(Number(chunk.toString().trim()));
        });
      });
      expect(alive(childPid)).toBe(true);
      parent.kill('SIGKILL');
      const until = Date.now() + 6_000;
      while (alive(childPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      const survived = alive(childPid);
      if (survived) process.kill(childPid, 'SIGKILL');
      expect(survived).toBe(survives);
    },
    15_000,
  );
});
