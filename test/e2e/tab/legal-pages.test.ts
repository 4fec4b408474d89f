import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTab } from '../../../scripts/build';
import { silentLogger } from '../../../functions/src/http/logger';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { seriousViolations, shot } from './tab-driver';

jest.setTimeout(120_000);

let tabDir: string;
let host: LocalHost;
let browser: TestBrowser;

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), 'tab-legal-'));
  // The shipped template (legal/), gaps and all: what a provider sees before filling it in.
  await buildTab({ mode: 'production', outdir: tabDir });
  host = await startLocalHost({ port: 0, routes: [], tabDir, log: silentLogger });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await host.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe('the privacy and terms pages in Chromium, under the tab CSP (issue 10)', () => {
  it.each([
    ['/tab/privacy', 'Privacy notice: Support plans in Microsoft Teams'],
    ['/tab/terms', 'Terms of use: Support plans in Microsoft Teams'],
  ])(
    '%s renders, styled, accessible, with no CSP violation, at 1400 and 320 px',
    async (url, title) => {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      for (const width of [1400, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${host.url}${url}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(await page.title()).toBe(title);
        // legal.css loaded (same origin, allowed by the CSP): the gaps are marked in yellow.
        const gap = page.locator('mark.unfilled').first();
        expect(await gap.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
          'rgb(253, 227, 0)',
        );
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect([width, overflow]).toEqual([width, 0]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, `legal${url.replace(/\//g, '-')}-${width}`);
      }
      expect(violations).toEqual([]);
      expect(browser.blocked).toEqual([]);
      await page.close();
    },
  );

  it('the terms link to the privacy notice', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/tab/terms`);
    await page.getByRole('link', { name: 'privacy notice' }).click();
    await page.getByRole('heading', { level: 1, name: /^Privacy notice/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tab/privacy');
    await page.close();
  });
});
