import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTab } from '../../../scripts/build';

jest.setTimeout(60_000);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('the tab build (issue 8: source maps in local mode only; issue 10: a chunk per view)', () => {
  const dirs: string[] = [];
  const out = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tab-build-test-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a production build ships no source map and no sourceMappingURL; views are separate chunks', async () => {
    const dir = out();
    await buildTab({ mode: 'production', outdir: dir });
    const list = files(dir);
    expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of list.filter((x) => x.endsWith('.js')))
      expect(readFileSync(path.join(dir, f), 'utf8')).not.toContain('sourceMappingURL');
    expect(list).toContain('main.js');
    expect(list).toContain('index.html');
    for (const view of ['MyCases', 'CasePage'])
      expect(list.some((f) => f.startsWith(`chunks${path.sep}${view}-`))).toBe(true);
    // The shell does not carry the views' code.
    expect(readFileSync(path.join(dir, 'main.js'), 'utf8')).not.toContain('Search by trainee');
  });

  it('a local build has source maps, and a rebuild leaves no stale file behind', async () => {
    const dir = out();
    await buildTab({ mode: 'local', outdir: dir });
    expect(files(dir)).toContain('main.js.map');
    await buildTab({ mode: 'production', outdir: dir });
    expect(files(dir).filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
