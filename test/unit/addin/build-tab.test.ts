import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTab } from '../../../scripts/build';
import { initialJsBudgetKb, tabBundleReport } from '../../../scripts/tab-bundle';

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

  it(`issue 10: the initial JavaScript is at most ${initialJsBudgetKb} KB gzip; forms, charts and teams-js load lazily`, async () => {
    const dir = out();
    const built = await buildTab({ mode: 'production', outdir: dir });
    const report = tabBundleReport(built.metafile, built.workingDir, built.outdir);
    expect(report.initialFiles).toContain('main.js');
    expect(report.initialGzipKb).toBeGreaterThan(50); // the measure sees react-dom and Fluent
    expect(report.initialGzipKb).toBeLessThanOrEqual(initialJsBudgetKb);
    // What must never be in the first load: charts (provider overview), teams-js (framed only),
    // zod's locales, and the form-only Fluent packages (dialog, combobox, table).
    const forbidden =
      /node_modules\/(@fluentui\/react-charts|@microsoft\/teams-js|zod\/v4\/locales|@fluentui\/react-(dialog|combobox|table)|d3-)/;
    expect(report.initialInputs.filter((input) => forbidden.test(input))).toEqual([]);
    // ...and they are in the lazy chunks that need them (the measure can see them there).
    expect(report.lazyInputs.CasePage?.some((i) => i.includes('@fluentui/react-dialog'))).toBe(
      true,
    );
    const allLazy = Object.values(report.lazyInputs).flat();
    expect(allLazy.some((i) => i.includes('node_modules/@microsoft/teams-js'))).toBe(true);
    // The tab shares the cards' date formatters, not the server's calendar, whose schemas bring
    // zod's classic API (the tab parses with zod/mini) and whose bank holidays bring date-holidays.
    const serverOnly = /zod\/v4\/classic|date-holidays|shared\/src\/calendar\/index/;
    expect([...report.initialInputs, ...allLazy].filter((i) => serverOnly.test(i))).toEqual([]);
  });
});
