import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { unzipSync } from 'fflate';
import { tabGet } from '../../../functions/src/functions/tab-get';
import { legalFields } from '../../../scripts/legal/legal-pages';
import { buildRelease } from '../../../scripts/build';
import { packageFunctions } from '../../../scripts/package';

jest.setTimeout(120_000);

let work: string;
let entries: Record<string, Uint8Array>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'release-'));
  const legal = path.join(work, 'legal');
  cpSync(path.resolve(__dirname, '../../../legal'), legal, { recursive: true });
  const details = Object.fromEntries(
    Object.keys(legalFields).map((key) => [key, `value of ${key}`]),
  );
  writeFileSync(path.join(legal, 'provider.json'), JSON.stringify(details));
  const dist = path.join(work, 'dist');
  await buildRelease({ distDir: dist, legalDir: legal, requireCompleteLegal: true });
  await packageFunctions(path.join(work, 'functions.zip'), dist);
  entries = unzipSync(readFileSync(path.join(work, 'functions.zip')));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const text = (name: string) => Buffer.from(entries[name]!).toString('utf8');

describe('the deployment artefact carries the production tab (issue 10, ADR 0014)', () => {
  it('the zip has the Functions package layout with the tab under dist/tab', () => {
    const names = Object.keys(entries);
    for (const name of [
      'host.json',
      'package.json',
      'dist/main.js',
      'dist/tab/index.html',
      'dist/tab/main.js',
      'dist/tab/privacy.html',
      'dist/tab/terms.html',
      'dist/tab/legal.css',
    ])
      expect(names).toContain(name);
    expect(names.some((n) => /^dist\/tab\/chunks\/CasePage-[A-Z0-9]+\.js$/.test(n))).toBe(true);
    // Issue 8: the tab ships no source map (the server bundle's map stays server-side).
    expect(names.filter((n) => n.startsWith('dist/tab/') && n.endsWith('.map'))).toEqual([]);
    expect((JSON.parse(text('package.json')) as { main: string }).main).toBe('dist/main.js');
    const host = JSON.parse(text('host.json')) as { extensions: { http: { routePrefix: string } } };
    expect(host.extensions.http.routePrefix).toBe('');
  });

  it("the provider's filled-in privacy and terms pages are in it", () => {
    expect(text('dist/tab/privacy.html')).toContain('<strong>value of controllerName</strong>');
    expect(text('dist/tab/terms.html')).toContain('value of contactEmail');
    expect(text('dist/tab/privacy.html')).not.toContain('to be filled in');
  });

  it('tab-get, serving the unpacked dist/tab, answers /tab/, /tab/privacy and /tab/terms with the CSP', async () => {
    const tabDir = path.join(work, 'unpacked');
    for (const [name, bytes] of Object.entries(entries)) {
      if (!name.startsWith('dist/tab/')) continue;
      const file = path.join(tabDir, name.slice('dist/tab/'.length));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    const handler = tabGet(tabDir).handler;
    const context = new InvocationContext({ invocationId: 'inv', functionName: 'tab-get' });
    for (const [url, expected] of [
      ['/tab/', '<script type="module" src="./main.js">'],
      ['/tab/privacy', 'Privacy notice'],
      ['/tab/terms', 'Terms of use'],
    ] as const) {
      const response = (await handler(
        new HttpRequest({ method: 'GET', url: `https://func-x.azurewebsites.net${url}` }),
        context,
      )) as HttpResponseInit;
      const headers = response.headers as Record<string, string>;
      expect([url, response.status]).toEqual([url, 200]);
      expect(headers['content-security-policy']).toMatch(
        /frame-ancestors 'self' https:\/\/teams\.microsoft\.com /,
      );
      expect(Buffer.from(response.body as Uint8Array).toString('utf8')).toContain(expected);
    }
  });
});
