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
async function tableRows(caption: string | RegExp): Promise<string[][]> {
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

/** The page's width and the innermost elements that stick out past the viewport (to say what overflows). */
async function overflowOf(): Promise<{ width: number; wide: string[] }> {
  return page.evaluate(() => {
    const limit = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .filter((e) => {
        // inside a scrolling region (a wide table) is not overflow of the page
        for (let p = e.parentElement; p !== null; p = p.parentElement)
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
        return true;
      })
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > limit + 0.5))
      .map((e) => `${e.tagName.toLowerCase()} "${e.textContent.slice(0, 40)}"`)
      .slice(0, 5);
    return { width: document.documentElement.scrollWidth, wide };
  });
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

/** Another writer over HTTP: the programme lead adds a closure through the API (with the ETag it read). */
async function anotherWriterSaves(label: string): Promise<void> {
  const issued = await fetch(`${stack.url}/local-idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: 'bf-programme-lead' }),
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };
  const read = await fetch(`${stack.url}/api/providers/${BF}/settings`, { headers: auth });
  const { settings } = (await read.json()) as { settings: Record<string, unknown> };
  const { providerId: _id, ...body } = settings;
  const calendar = body.calendar as { closures: unknown[] };
  const closures = [...calendar.closures, { date: '2027-01-04', label, appliesTo: 'school' }];
  const saved = await fetch(`${stack.url}/api/providers/${BF}/settings`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': read.headers.get('etag')! },
    body: JSON.stringify({ ...body, calendar: { ...calendar, closures } }),
  });
  expect(saved.status).toBe(200);
}

/** Sets "Latest review (days after the stage starts)" to `days` on the open settings page. */
async function setLatestReview(days: string): Promise<void> {
  const setting = page
    .getByRole('listitem')
    .filter({ hasText: 'Latest review (days after the stage starts)' });
  const useDefault = setting.getByRole('checkbox', { name: /use the stated default/ });
  if (await useDefault.isChecked()) await useDefault.click();
  await setting.getByRole('spinbutton').fill(days);
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

  it('BF-30, X-01: a director edits a setting; a stale write is refused beside Save when another writer saved first; after reloading, the save shows which review windows moved', async () => {
    await signIn(page, stack.url, 'David Okafor');
    await page
      .getByRole('navigation', { name: 'Provider' })
      .getByRole('link', { name: 'Provider settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Provider settings' }).waitFor();
    // The stated default and the rules it shapes are shown with each setting.
    const setting = page
      .getByRole('listitem')
      .filter({ hasText: 'Latest review (days after the stage starts)' });
    await setting.getByText('Shapes BF-30. Stated default: none.').waitFor();
    await setLatestReview('10');
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
    await anotherWriterSaves('Snow closure');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Not saved: someone else saved these settings first' });
    await refusal.waitFor();
    // Next to the Save button, not at the top of the page.
    const [alertBox, saveBox] = await Promise.all([
      refusal.boundingBox(),
      page.getByRole('button', { name: 'Save settings' }).boundingBox(),
    ]);
    expect(saveBox!.y - (alertBox!.y + alertBox!.height)).toBeLessThan(120);
    await shot(page, 'bf-director-settings-stale');
    await page.getByRole('button', { name: 'Reload the current settings' }).click();
    await page.getByRole('group', { name: /^Snow closure on / }).waitFor();
    expect(await refusal.count()).toBe(0);
    await setLatestReview('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('heading', { name: 'What this change moved' }).waitFor();
    const moved = await tableRows(/^Review windows this change moved/);
    expect(moved.map((r) => r[0]).sort()).toEqual(['Aisha Begum', 'Tom Barker']);
    stack.services.providers.invalidate();
    const stored = (await stack.services.providers.get(BF))!.settings;
    expect(stored.values).toMatchObject({ reviewMaxDays: 10 });
    expect(stored.calendar.closures.map((c) => c.label)).toContain('Snow closure');
    await shot(page, 'bf-director-settings-saved');
  });

  it('ME-06, ME-07 (ADR 0010): a case moved in from paper shows on its page what was recorded from paper, by whom and when', async () => {
    const tutor = who('me-course-tutor');
    const { demoPersonas } = await import('../../../functions/src/local/demo-personas');
    const p = demoPersonas.find((x) => x.id === 'me-trainee-2')!;
    const opened = must(
      await stack.services.cases.openCase(
        tutor,
        'mid-essex-itt',
        {
          trainee: {
            name: 'Noor Haddad',
            email: null,
            tid: p.tid,
            oid: '00000000-0000-4000-8000-00000000aaaa',
            route: 'secondary',
            subject: 'History',
            school: 'Oak School',
            placement: 'A',
          },
          participants: [],
          openedOnPaper: '2026-10-01',
        } as never,
        'paper-open',
      ),
    );
    const run = async (command: Record<string, unknown>, id: string) =>
      must(await stack.services.cases.execute(tutor, opened.caseId, command as never, id));
    await run(
      {
        type: 'raiseConcern',
        category: 'teaching',
        description: 'From the paper file.',
        evidence: null,
        source: null,
        seriousIncident: false,
      },
      'paper-concern',
    );
    await run(
      {
        type: 'startStage',
        stageId: 'stage-1',
        entryId: 'not-yet-on-trajectory',
        reason: 'ISP started on paper',
        overview: '',
        evidence: { writtenReports: [], observationIds: [] },
        recordedFromPaper: { startedOn: '2026-11-02' },
      },
      'paper-stage',
    );
    await signIn(page, stack.url, 'Claire Fenton', { subPageId: `case/${opened.caseId}/timeline` });
    await page.getByRole('heading', { level: 1, name: 'Noor Haddad' }).waitFor();
    const marks = page.getByRole('list', { name: /^Recorded from paper in Stage 1/ });
    await marks.waitFor();
    expect(await marks.textContent()).toMatch(
      /^Start of the stage on Mon 2 Nov 2026: Recorded from paper by Claire Fenton on \w{3} \d{1,2} \w{3} 20\d\d$/,
    );
    await shot(page, 'me-paper-case');
  });

  it('axe: no serious or critical violation on the overview and settings pages in light, dark and high contrast, at 1400 and 320 px', async () => {
    const found: Record<string, string[]> = {};
    const openSettings = async () => {
      await page
        .getByRole('navigation', { name: 'Provider' })
        .getByRole('link', { name: 'Provider settings' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Provider settings' }).waitFor();
      await page.getByRole('list', { name: 'Procedure settings' }).waitFor();
    };
    for (const theme of ['default', 'dark', 'contrast']) {
      const rules = theme === 'default' ? undefined : colourRules;
      await openOverview('Priya Shah', { theme });
      found[`${theme} overview`] = await seriousViolations(page, rules);
      await shot(page, `overview-${theme}`);
      await openSettings();
      found[`${theme} settings`] = await seriousViolations(page, rules);
      await shot(page, `settings-${theme}`);
    }
    await page.setViewportSize({ width: 320, height: 720 });
    await openOverview('Priya Shah');
    found['320 px overview'] = await seriousViolations(page);
    const overflow: Record<string, unknown> = {};
    overflow.overview = await overflowOf();
    await shot(page, 'overview-320px');
    await openSettings();
    found['320 px settings'] = await seriousViolations(page);
    overflow.settings = await overflowOf();
    await shot(page, 'settings-320px');
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    const fits = { width: 320, wide: [] };
    expect(overflow).toEqual({ overview: fits, settings: fits });
  });
});
