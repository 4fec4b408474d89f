/**
 * ME-05 in the tab, in Chromium against the local stack (Azurite, seeded demo data): a concern a
 * school colleague raised waits for the course tutor; on the case page she acknowledges it with
 * one click of "Acknowledge concern" (no dialog), the page confirms it and the button goes. When
 * the API refuses (someone acknowledged it meanwhile), the refusal and its rule show under the
 * button. The API alone decides whether the button is offered.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { cmd, must, schoolConcern, who } from '../../support/service-fixture';
import { openCase, seriousViolations, shot, signIn } from './tab-driver';
import { startTabStack, type TabStack } from './tab-stack';

jest.setTimeout(120_000);

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
  await page.close();
  expect(pageErrors).toEqual([]);
  expect(browser.blocked).toEqual([]);
});

async function caseIdOf(persona: string, trainee: string): Promise<string> {
  const mine = must(await stack.services.cases.listMine(who(persona), {}));
  return mine.find((c) => c.traineeName === trainee)!.caseId;
}

const concerns = (p: Page) => p.locator('#section-concerns');

describe('ME-05: acknowledging a concern raised at the school is one click on the case page', () => {
  it('ME-05: the course tutor clicks "Acknowledge concern" once: no dialog, a confirmation, the button goes', async () => {
    // Seeded: Emily Clarke's Professional Tutor raised a concern nobody has acknowledged.
    await signIn(page, stack.url, 'Claire Fenton');
    await openCase(page, 'Emily Clarke');
    const button = concerns(page).getByRole('button', { name: 'Acknowledge concern' });
    await button.waitFor();
    await shot(page, 'me05-acknowledge-offered');
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    const status = page.getByRole('status').filter({ hasText: 'Concern acknowledged' });
    await status.waitFor();
    expect(await status.textContent()).toContain('(ME-05)');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await concerns(page)
      .getByText(/^Acknowledged .* by Claire Fenton \(Course Tutor\)$/)
      .waitFor();
    expect(await button.count()).toBe(0);
    await shot(page, 'me05-acknowledged-one-click');
    expect(await seriousViolations(page)).toEqual([]);

    const caseId = await caseIdOf('me-course-tutor', 'Emily Clarke');
    const view = must(await stack.services.cases.getCase(who('me-course-tutor'), caseId));
    expect(view.concerns.every((c) => c.acknowledgedAt !== null)).toBe(true);
    // The mentor is never offered it (the API decides; the tab shows what it offers).
    await signIn(page, stack.url, 'Gareth Jones');
    await openCase(page, 'Emily Clarke');
    expect(
      await concerns(page)
        .getByRole('button', { name: /Acknowledge/ })
        .count(),
    ).toBe(0);
  });

  it('ME-05: acknowledged meanwhile by the director: the click is refused with the rule, and the page shows what is now true', async () => {
    const caseId = await caseIdOf('me-course-tutor', 'Josh Turner');
    const raise = (category: string, description: string) =>
      stack.services.cases.execute(
        who('me-mentor'),
        caseId,
        schoolConcern(category, description),
        cmd(),
      );
    must(await raise('absence', 'Absent on Monday and Tuesday'));
    must(await raise('teaching', 'Lessons start late'));
    await signIn(page, stack.url, 'Claire Fenton');
    await openCase(page, 'Josh Turner');
    // Two waiting: each button says which concern it acknowledges.
    const buttons = concerns(page).getByRole('button', { name: /^Acknowledge concern: / });
    await buttons.first().waitFor();
    expect(await buttons.count()).toBe(2);
    const absence = must(
      await stack.services.cases.getCase(who('me-course-tutor'), caseId),
    ).concerns.find((c) => c.description === 'Absent on Monday and Tuesday')!;
    must(
      await stack.services.cases.execute(
        who('me-director'),
        caseId,
        { type: 'acknowledgeConcern', concernId: absence.concernId },
        cmd(),
      ),
    );
    // The page still shows the button (not refetched yet); the API answers the click.
    await concerns(page)
      .getByRole('button', { name: /^Acknowledge concern: Frequent absences/ })
      .click();
    const refusal = concerns(page).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Acknowledge concern: Frequent absences.*: not saved.*already acknowledged/,
    );
    expect(await refusal.locator('[data-rules]').textContent()).toBe('Rule ME-05');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The case is read again: the director's acknowledgement shows, its button goes, the refusal
    // stays (with the focus on it), and the other concern's button is still there.
    await concerns(page)
      .getByText(/^Acknowledged .* by Ruth Adeyemi/)
      .waitFor();
    // One left: its label no longer needs to say which.
    const left = concerns(page).getByRole('button', { name: /^Acknowledge concern/ });
    await left.waitFor();
    expect(await left.count()).toBe(1);
    expect(await left.textContent()).toBe('Acknowledge concern');
    expect(await refusal.count()).toBe(1);
    expect(
      await page.evaluate(() => document.activeElement?.querySelector('[role="alert"]') !== null),
    ).toBe(true);
    await shot(page, 'me05-acknowledge-refused');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('ME-05: the chase ladder is in the provider settings view with its stated defaults; the director changes a step and saves', async () => {
    await signIn(page, stack.url, 'Ruth Adeyemi');
    await page
      .getByRole('navigation', { name: 'Provider' })
      .getByRole('link', { name: 'Provider settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Provider settings' }).waitFor();
    const item = (label: string) => page.getByRole('listitem').filter({ hasText: label });
    const chase = item('Chase the Course Tutor this many working days');
    const escalate = item('Tell the Programme Leader this many working days');
    await chase.getByText('Shapes ME-05. Stated default: 1.').waitFor();
    await escalate.getByText('Shapes ME-05. Stated default: 2.').waitFor();
    await escalate.getByRole('checkbox', { name: /use the stated default/ }).click();
    await escalate.getByRole('spinbutton').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    stack.services.providers.invalidate();
    const stored = (await stack.services.providers.get('mid-essex-itt'))!.settings;
    expect(stored.values).toMatchObject({ concernEscalateDays: 3 });
    await escalate.scrollIntoViewIfNeeded();
    await shot(page, 'me05-chase-settings');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
