import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { must, who } from '../../support/service-fixture';
import { colourRules, seriousViolations, shot, signIn } from './tab-driver';
import { startTabStack, type TabStack } from './tab-stack';

/** Issue 10: the provider views (overview, settings) in Chromium against the seeded local stack. */

jest.setTimeout(120_000);

const BF = 'bright-futures-scitt';
let stack: TabStack;
let browser: TestBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  stack = await startTabStack();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await (browser as TestBrowser | undefined)?.close();
  await (stack as TabStack | undefined)?.stop();
});

beforeEach(async () => {
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

afterEach(async () => {
  const name = (expect.getState().currentTestName ?? 'test')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 80);
  await shot(page, `end-${name}`);
  await page.close();
  expect(pageErrors).toEqual([]);
  expect(browser.blocked).toEqual([]);
});

/** A table's body rows as text cells (row header first), by its caption. */
async function tableRows(caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
    );
}

/** What the seeded cases say of themselves (the full-state listing), as the overview should count them. */
async function seededFigures() {
  const cases = must(await stack.services.cases.listMine(who('bf-programme-lead'), {})).filter(
    (c) => c.providerId === BF && c.status === 'open',
  );
  const tally = (key: (c: (typeof cases)[number]) => string) => {
    const m = new Map<string, number>();
    for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return m;
  };
  return {
    open: cases.length,
    byStage: tally((c) => c.stageLabel ?? 'No stage yet'),
    bySchool: tally((c) => c.school ?? ''),
    signatures: cases.reduce((n, c) => n + (c.signaturesMissing ?? 0), 0),
    overdue: cases.filter((c) => c.reviewOverdue).length,
  };
}

async function openOverview(persona: string, query: Record<string, string> = {}) {
  await signIn(page, stack.url, persona, query);
  await page
    .getByRole('navigation', { name: 'Provider' })
    .getByRole('link', { name: 'Provider overview' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Provider overview' }).waitFor();
  await page.getByRole('table', { name: 'Open cases by stage' }).waitFor();
}

describe('provider views in Chromium (issue 10)', () => {
  it('BF-11: a Bright Futures programme lead opens the overview from the navigation; its figures and tables match the seeded cases', async () => {
    await openOverview('Priya Shah');
    const want = await seededFigures();
    expect(want.open).toBe(3);
    const byStage = await tableRows('Open cases by stage');
    expect(new Map(byStage.filter((r) => r[1] !== '0').map((r) => [r[0]!, Number(r[1])]))).toEqual(
      want.byStage,
    );
    const signatures = byStage.reduce((n, r) => n + Number(r[3]), 0);
    expect(signatures).toBe(want.signatures);
    expect(signatures).toBeGreaterThan(0);
    const bySchool = await tableRows('Open cases by school');
    expect(new Map(bySchool.map((r) => [r[0]!, Number(r[1])]))).toEqual(want.bySchool);
    const figures = page.locator('dl');
    await expect(
      figures
        .locator('dt', { hasText: 'Open cases' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).resolves.toBe(String(want.open));
    await expect(
      figures
        .locator('dt', { hasText: 'Signatures outstanding' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).resolves.toBe(String(want.signatures));
    await expect(
      figures
        .locator('dt', { hasText: 'Reviews overdue' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).resolves.toBe(String(want.overdue));
    // Stage 1 of Aisha Begum's case finished the day it started: one finished run of 0 days.
    const times = await tableRows('Calendar days in each stage');
    expect(times.find((r) => r[0]?.startsWith('Stage 1'))?.slice(1, 4)).toEqual(['1', '0', '0']);
    await page.getByText(/^Calendar days from the day a stage started/).waitFor();
    await page.getByRole('figure', { name: 'Open cases in each stage' }).waitFor();
    await shot(page, 'bf-lead-overview');
  });

  it('a mentor has no provider links, and opening the overview directly shows the refusal with its reason', async () => {
    await signIn(page, stack.url, 'Megan Price');
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Provider' }).count()).toBe(0);
    await page.goto(`${stack.url}/tab/#/providers/${BF}/overview`);
    await page
      .getByRole('alert')
      .filter({ hasText: /Only the provider's Programme Lead or .*Director.* provider overview/ })
      .waitFor();
  });

  it('axe: no serious or critical violation on the overview in light, dark and high contrast, at 1400 and 320 px', async () => {
    const found: Record<string, string[]> = {};
    for (const theme of ['default', 'dark', 'contrast']) {
      await openOverview('Priya Shah', { theme });
      found[`${theme} overview`] = await seriousViolations(
        page,
        theme === 'default' ? undefined : colourRules,
      );
      await shot(page, `overview-${theme}`);
    }
    await page.setViewportSize({ width: 320, height: 720 });
    await openOverview('Priya Shah');
    found['320 px overview'] = await seriousViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    await shot(page, 'overview-320px');
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(overflow).toBeLessThanOrEqual(320);
  });
});
