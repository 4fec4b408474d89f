import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { tabGet } from '../../../../functions/src/functions/tab-get';
import {
  apiRoutePrefix,
  httpRegistrations,
} from '../../../../functions/src/http/azure-registrations';
import { appRouteTable } from '../../../../functions/src/http/routes';
import { tabFrameAncestors } from '../../../../functions/src/http/security-headers';

let tabDir: string;
beforeAll(() => {
  tabDir = mkdtempSync(path.join(tmpdir(), 'tab-get-'));
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>tab</title>');
  writeFileSync(path.join(tabDir, 'privacy.html'), '<!doctype html><h1>Privacy notice</h1>');
  writeFileSync(path.join(tabDir, 'terms.html'), '<!doctype html><h1>Terms of use</h1>');
  mkdirSync(path.join(tabDir, 'chunks'));
  writeFileSync(path.join(tabDir, 'chunks', 'CasePage-AB12.js'), 'export{}');
});
afterAll(() => {
  rmSync(tabDir, { recursive: true, force: true });
});

const context = () => new InvocationContext({ invocationId: 'inv-1', functionName: 'tab-get' });

async function get(url: string, method = 'GET'): Promise<HttpResponseInit & { text: string }> {
  const registration = httpRegistrations(appRouteTable(), tabDir).find(
    (r) => r.name === 'tab-get',
  )!;
  const response = (await registration.handler(
    new HttpRequest({ method, url: `https://tab.example${url}` }),
    context(),
  )) as HttpResponseInit;
  const body = response.body;
  const text = body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : '';
  return { ...response, text };
}

const header = (response: HttpResponseInit, name: string) =>
  (response.headers as Record<string, string>)[name];

function expectTabHeaders(response: HttpResponseInit): void {
  expect(header(response, 'x-content-type-options')).toBe('nosniff');
  const csp = header(response, 'content-security-policy') ?? '';
  expect(/frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ')).toEqual([...tabFrameAncestors]);
  expect(csp).toContain("script-src 'self'");
}

describe('tab-get: the Functions app serves the built tab where the manifest says (issue 10, ADR 0014)', () => {
  it('registers the tab at tab/{*path} and every API route under api/ (host.json routePrefix is empty)', () => {
    const host = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../../functions/host.json'), 'utf8'),
    ) as { extensions: { http: { routePrefix: string } } };
    expect(host.extensions.http.routePrefix).toBe('');
    const table = appRouteTable();
    const registrations = httpRegistrations(table, tabDir);
    expect(registrations).toHaveLength(table.routes.length + 1);
    expect(registrations.find((r) => r.name === 'tab-get')).toMatchObject({
      route: 'tab/{*path}',
      methods: ['GET', 'HEAD'],
    });
    for (const r of registrations.filter((x) => x.name !== 'tab-get'))
      expect(r.route.startsWith(`${apiRoutePrefix}/`)).toBe(true);
    // The bot's endpoint is where the Azure Bot resource points (infra/modules/bot.bicep).
    expect(registrations.map((r) => r.route)).toContain('api/messages');
  });

  it('answers /tab/ with the tab, its CSP (Teams, Outlook, Microsoft 365 frame-ancestors) and nosniff', async () => {
    const response = await get('/tab/');
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<title>tab</title>');
    expectTabHeaders(response);
  });

  it.each([
    ['/tab/privacy', 'Privacy notice'],
    ['/tab/privacy/', 'Privacy notice'],
    ['/tab/terms', 'Terms of use'],
    ['/tab/terms/', 'Terms of use'],
  ])('answers the manifest address %s with its page and the CSP', async (url, heading) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toContain(heading);
    expectTabHeaders(response);
  });

  it('redirects /tab to /tab/ keeping the query (a deep link keeps its persona/subPageId)', async () => {
    const response = await get('/tab?subPageId=case%2Fc1');
    expect(response.status).toBe(308);
    expect(header(response, 'location')).toBe('/tab/?subPageId=case%2Fc1');
    expectTabHeaders(response);
  });

  it('HEAD has the headers and no body; hashed chunks may be cached, the shell may not', async () => {
    const head = await get('/tab/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect(header(head, 'cache-control')).toBe('no-store');
    const chunk = await get('/tab/chunks/CasePage-AB12.js');
    expect(header(chunk, 'content-type')).toBe('text/javascript; charset=utf-8');
    expect(header(chunk, 'cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never serves a file outside the tab, and a missing page is 404 with the tab headers', async () => {
    for (const bad of [
      '/tab/%2e%2e/%2e%2e/host.json',
      '/tab/..%2fprivacy.html',
      '/tab/nothing.js',
    ]) {
      const response = await get(bad);
      expect([bad, response.status]).toEqual([bad, 404]);
      expectTabHeaders(response);
    }
  });

  it('a tab folder missing from the package answers 404, not a crash', async () => {
    const response = await tabGet(path.join(tabDir, 'absent')).handler(
      new HttpRequest({ method: 'GET', url: 'https://tab.example/tab/privacy' }),
      context(),
    );
    expect((response as HttpResponseInit).status).toBe(404);
  });
});

/** Whether a CSP host source (`https://host` or `https://*.host`) allows `origin`. */
function allows(source: string, origin: string): boolean {
  if (source === "'self'") return false;
  const wildcard = source.replace('https://*.', '');
  if (wildcard !== source) return origin.startsWith('https://') && origin.endsWith(`.${wildcard}`);
  return origin === source;
}

describe('the tab CSP allows every host Microsoft lists for Teams, Outlook and Microsoft 365', () => {
  // Microsoft Learn, "Prerequisites" for Teams tabs (tabs/how-to/tab-requirements), CSP table.
  it.each([
    'https://teams.microsoft.com',
    'https://contoso.teams.microsoft.com',
    'https://teams.cloud.microsoft',
    'https://outlook.cloud.microsoft',
    'https://m365.cloud.microsoft',
    'https://www.microsoft365.com',
    'https://www.office.com',
    'https://outlook.office.com',
    'https://outlook.office365.com',
    'https://outlook-sdf.office.com',
    'https://outlook-sdf.office365.com',
  ])('%s may frame the tab', (origin) => {
    expect(tabFrameAncestors.some((source) => allows(source, origin))).toBe(true);
  });

  it.each([
    'https://evil.example',
    'https://teams.microsoft.com.evil.example',
    'http://teams.microsoft.com',
  ])('%s may not', (origin) => {
    expect(tabFrameAncestors.some((source) => allows(source, origin))).toBe(false);
  });
});
