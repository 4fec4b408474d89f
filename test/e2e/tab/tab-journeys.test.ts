import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { must, who } from '../../support/service-fixture';
import {
  colourRules,
  openCase,
  openCommand,
  seriousViolations,
  shot,
  signIn,
  submitAndWait,
} from './tab-driver';
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
  // The last state of every journey, pass or fail, to look at.
  const name = (expect.getState().currentTestName ?? 'test')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 80);
  await shot(page, `end-${name}`);
  await page.close();
  expect(pageErrors).toEqual([]);
  expect(browser.blocked).toEqual([]);
});

async function caseIdOf(persona: string, trainee: string): Promise<string> {
  const mine = must(await stack.services.cases.listMine(who(persona), {}));
  return mine.find((c) => c.traineeName === trainee)!.caseId;
}

/**
 * What Mid Essex Stage 3 requires before the final review (ME-44, ME-46, ME-57), done through the
 * service as the people themselves: the joint observation, the Cause for Concern meeting held and
 * every signature on the current plan. The seeded case stops short of these.
 */
async function completeStage3(caseId: string): Promise<void> {
  const tutor = who('me-course-tutor');
  const run = async (persona: string, command: unknown, id: string) => {
    must(await stack.services.cases.execute(who(persona), caseId, command as never, id));
  };
  const view = must(await stack.services.cases.getCase(tutor, caseId));
  const active = view.participants.filter((p) => p.active);
  const of = (role: string) => active.find((p) => p.role === role)!.participantId;
  if (!view.stage!.observations.some((o) => o.definitionId === 'joint-observation'))
    await run(
      'me-course-tutor',
      {
        type: 'recordObservation',
        observationDefinitionId: 'joint-observation',
        date: new Date().toISOString().slice(0, 10),
        observers: [of('mentor'), of('courseTutor')],
        notes: 'Initial joint observation',
        departureReason: null,
      },
      `${caseId}-obs`,
    );
  await run(
    'me-course-tutor',
    {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'cfc-meeting',
      start: new Date().toISOString(),
      durationMinutes: 60,
      online: false,
      attendees: active.map((p) => p.participantId),
    },
    `${caseId}-meeting`,
  );
  const meeting = must(await stack.services.cases.getCase(tutor, caseId)).stage!.meetings.at(-1)!;
  await run(
    'me-course-tutor',
    { type: 'recordMeetingHeld', meetingId: meeting.meetingId, notes: 'SHARP targets agreed' },
    `${caseId}-held`,
  );
  const current = must(await stack.services.cases.getCase(tutor, caseId)).stage!;
  for (const signer of current.signers.filter((x) => x.signed === null && x.name !== null)) {
    const persona = demoPersonas.find((p) => p.name === signer.name)!;
    await run(
      persona.id,
      { type: 'signPlan', planVersion: current.plan.version, typedFullName: persona.name },
      `${caseId}-sign-${persona.id}`,
    );
  }
}

describe('the tab in Chromium against the local stack (Azurite, seeded demo data)', () => {
  it('ME-48: a Mid Essex course tutor goes from a concern to a signed Stage 1 plan and a review; a 4th target is refused with its rule', async () => {
    await signIn(page, stack.url, 'Claire Fenton');
    await openCase(page, 'Zara Ahmed');
    let dialog = await openCommand(page, 'Raise a concern');
    await dialog.getByLabel('Category').selectOption('teaching');
    await dialog.getByLabel('What happened').fill('Lessons start late and routines are unclear.');
    await submitAndWait(page, dialog, 'Raise a concern', /Raise a concern: done/);

    dialog = await openCommand(page, /^Stage 1: Individual Support Plan/);
    await dialog.getByLabel('Reason').fill('Not yet on trajectory at IMP 1');
    await dialog.getByRole('button', { name: /^Stage 1/ }).click();
    await page.getByRole('status').filter({ hasText: 'done' }).waitFor();
    await page.getByRole('heading', { name: /Current plan \(Stage 1/ }).waitFor();

    dialog = await openCommand(page, 'Add a target');
    for (const n of [1, 2, 3, 4]) {
      await dialog
        .getByRole('textbox', { name: /^Target/ })
        .fill(`Target ${n}: apply the behaviour policy`);
      await dialog.getByLabel('Actions', { exact: true }).fill('Co-plan with the mentor');
      await dialog.getByRole('button', { name: 'Add to Actions' }).click();
      await dialog.getByLabel('Indicators', { exact: true }).fill('AI 1.1');
      await dialog.getByRole('button', { name: 'Add to Indicators' }).click();
      await dialog.getByLabel('Monitoring').fill('Weekly observation');
      await dialog.getByLabel('Success criteria').fill('Two lessons judged securing');
      await dialog.getByRole('button', { name: 'Save target' }).click();
      if (n < 4) await dialog.getByText(`Saved ${n};`).waitFor();
    }
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/maximum is 3.*Rule ME-\d+/);
    await shot(page, 'tutor-4th-target-refused');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').filter({ hasText: '3 targets added' }).waitFor();
    expect(
      await page.getByRole('list', { name: 'Targets' }).getByRole('listitem').count(),
    ).toBeGreaterThanOrEqual(3);

    dialog = await openCommand(page, 'Set the review date');
    expect(await dialog.getByText(/School days|Working days/).count()).toBeGreaterThan(0);
    await submitAndWait(page, dialog, 'Set the review date', /done/);

    dialog = await openCommand(page, 'Sign the plan');
    await dialog.getByText(/You are signing version \d+/).waitFor();
    await dialog.getByLabel('Type your full name to sign').fill('Claire Fenton');
    await submitAndWait(page, dialog, 'Sign the plan', /Signed version \d+/);

    // The other signers sign through the API (their own journeys are below).
    const caseId = await caseIdOf('me-course-tutor', 'Zara Ahmed');
    const view = must(await stack.services.cases.getCase(who('me-course-tutor'), caseId));
    for (const slot of view.stage!.signers.filter((s) => s.signed === null)) {
      const persona = {
        trainee: 'me-trainee-3',
        mentor: 'me-mentor',
        professionalMentor: 'me-professional-tutor',
        leadSubjectTutor: 'me-lead-subject-tutor',
        courseTutor: 'me-course-tutor',
        director: 'me-director',
      }[slot.role as string]!;
      must(
        await stack.services.cases.execute(
          who(persona),
          caseId,
          {
            type: 'signPlan',
            planVersion: view.stage!.plan.version,
            typedFullName: slot.name!,
            role: slot.role,
          },
          `sign-${slot.role}`,
        ),
      );
    }
    await signIn(page, stack.url, 'Claire Fenton', { subPageId: `case/${caseId}/plan` });
    await page.locator('#section-plan').getByText('Fully signed').waitFor();

    dialog = await openCommand(page, 'Record the review');
    const targets = await dialog.getByRole('radiogroup').count();
    for (let i = 0; i < targets; i += 1) {
      await dialog.getByRole('radiogroup').nth(i).getByLabel('Met', { exact: true }).check();
      await dialog.getByLabel(`Evidence for target ${i + 1}`).fill('Seen in three lessons');
    }
    await submitAndWait(page, dialog, 'Record the review', 'Review recorded');
    await page.getByText('All targets met').waitFor();
    await shot(page, 'tutor-case-reviewed');
  });

  it('a mentor signs the plan and records an observation', async () => {
    await signIn(page, stack.url, 'Gareth Jones');
    await openCase(page, 'Emily Clarke');
    let dialog = await openCommand(page, 'Sign the plan');
    await dialog.getByLabel('Type your full name to sign').fill('Gareth Jones');
    await submitAndWait(page, dialog, 'Sign the plan', /Signed version/);
    expect(
      await page
        .getByRole('table', { name: 'Signatures' })
        .getByText(/as “Gareth Jones”/)
        .count(),
    ).toBe(1);
    dialog = await openCommand(page, 'Record an observation');
    await dialog
      .getByRole('group', { name: 'Observed by' })
      .getByLabel(/Gareth Jones/)
      .check();
    await dialog.getByLabel('What was seen').fill('Routines better in period 2.');
    await submitAndWait(page, dialog, 'Record an observation', /done/);
    await page.locator('#section-observations').getByText('Routines better in period 2.').waitFor();
    await shot(page, 'mentor-signed-observed');
  });

  it('BF-19: a trainee reads what happens next and by when, then signs with a mistyped and then the right name', async () => {
    await signIn(page, stack.url, 'Emily Clarke');
    await openCase(page, 'Emily Clarke');
    const next = page.getByRole('region', { name: /What happens next/ });
    await next.getByText(/Your signature is needed on version \d+/).waitFor();
    expect(await next.textContent()).toMatch(
      /reviewed by \w{3} \d+ \w{3} 20\d\d \(\d+ school days? left\)/,
    );
    await shot(page, 'trainee-what-next');
    const dialog = await openCommand(page, 'Sign the plan');
    await dialog.getByLabel('Type your full name to sign').fill('Emma Clark');
    await dialog.getByRole('button', { name: 'Sign the plan' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/name/i);
    await dialog.getByLabel('Type your full name to sign').fill('Emily Clarke');
    await submitAndWait(page, dialog, 'Sign the plan', /Signed version/);
    expect(await next.getByText(/Your signature is needed/).count()).toBe(0);
  });

  it('ME-60..62: a director takes a case through the Stage 4 final review to Stage 5 duties; a missing agreement is refused with its rule', async () => {
    await completeStage3(await caseIdOf('me-director', 'Josh Turner'));
    await signIn(page, stack.url, 'Ruth Adeyemi');
    await openCase(page, 'Josh Turner');
    let dialog = await openCommand(page, /^Stage 4: Final review/);
    await dialog.getByLabel('Reason').fill('Cause for Concern targets not met');
    await dialog.getByRole('button', { name: /^Stage 4/ }).click();
    await page.getByRole('heading', { name: /Current plan \(Stage 4/ }).waitFor();
    dialog = await openCommand(page, 'Record the review');
    const n = await dialog.getByRole('radiogroup').count();
    for (let i = 0; i < n; i += 1) {
      await dialog.getByRole('radiogroup').nth(i).getByLabel('Not met').check();
      await dialog.getByLabel(`Evidence for target ${i + 1}`).fill('Not seen across the evidence');
    }
    await submitAndWait(page, dialog, 'Record the review', 'Review recorded');
    dialog = await openCommand(page, 'Record the final outcome');
    await dialog.getByRole('combobox', { name: /^Progress/ }).selectOption('insufficient');
    await dialog.getByLabel(/Basis/).selectOption('unlikely-to-progress');
    await dialog.getByLabel('Reasons and evidence').fill('Targets not met at the final review.');
    await dialog.getByRole('button', { name: 'Record the final outcome' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/agreement.*Rule ME-62/);
    await shot(page, 'director-final-outcome-refused');
    const agreed = dialog.getByRole('group', { name: 'Agreed by' });
    for (const name of [/Gareth Jones/, /Sanjay Patel/, /Ruth Adeyemi/])
      await agreed.getByLabel(name).check();
    await submitAndWait(page, dialog, 'Record the final outcome', /done/);
    dialog = await openCommand(page, /^Stage 5/);
    await dialog.getByLabel('Reason').fill('Insufficient progress at the final review');
    await dialog.getByRole('button', { name: /^Stage 5/ }).click();
    await page.getByRole('heading', { name: /Current plan \(Stage 5/ }).waitFor();
    const duty = page
      .getByRole('group', { name: /Duties, outcome and appeal/ })
      .getByRole('button')
      .first();
    await duty.click();
    dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await submitAndWait(page, dialog, /^Record/, /done/);
    await page.getByRole('heading', { name: /Duties/ }).waitFor();
    expect(await page.locator('#section-duties').getByText('Done').count()).toBeGreaterThan(0);
    await shot(page, 'director-stage-5-duties');
  });

  it('BF-11: a Bright Futures programme lead initiates Stage 2 after a review with an unmet target', async () => {
    const caseId = await caseIdOf('bf-programme-lead', 'Tom Barker');
    const v = must(await stack.services.cases.getCase(who('bf-professional-mentor'), caseId));
    const observer = v.participants.find((p) => p.name === 'Paul Hughes')!.participantId;
    const today = new Date().toISOString().slice(0, 10);
    must(
      await stack.services.cases.execute(
        who('bf-professional-mentor'),
        caseId,
        {
          type: 'recordObservation',
          observationDefinitionId: 'review-observation',
          date: today,
          observers: [observer],
          notes: 'Lesson observed',
          departureReason: null,
        },
        'bf-obs',
      ),
    );
    must(
      await stack.services.cases.execute(
        who('bf-professional-mentor'),
        caseId,
        {
          type: 'recordReview',
          heldOn: today,
          outcomes: v.stage!.plan.targets.map((t) => ({
            targetId: t.targetId,
            met: false,
            evidence: 'Not yet',
          })),
          notes: '',
          departureReason: null,
        },
        'bf-review',
      ),
    );
    await signIn(page, stack.url, 'Priya Shah', { subPageId: `case/${caseId}/timeline` });
    await page.getByRole('heading', { level: 1, name: 'Tom Barker' }).waitFor();
    const dialog = await openCommand(page, /^Stage 2/);
    await dialog.getByLabel('Reason').fill('Target not met at the Stage 1 review');
    await dialog.getByRole('button', { name: /^Stage 2/ }).click();
    await page.getByRole('heading', { name: /Current plan \(Stage 2/ }).waitFor();
    const current = page
      .getByRole('list', { name: 'Stages of the procedure' })
      .locator('[aria-current="step"]');
    expect(await current.textContent()).toMatch(/Stage 2/);
    // The record keeps the earlier stage whole, with a PDF per plan version (issue 12).
    const stages = page.getByRole('heading', { name: 'Stage record and PDFs' });
    await stages.waitFor();
    await page.getByRole('list', { name: /^Plan versions of Stage 1/ }).waitFor();
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Download PDF \(Stage 1/ })
      .first()
      .click();
    expect((await download).suggestedFilename()).toMatch(/^01-.*-v\d+\.pdf$/);
    // The history reads in plain English, with its chain verified.
    await page.getByText(/^Chain intact: all \d+ entries verified/).waitFor();
    const history = (await page.getByRole('list', { name: 'History' }).textContent()) ?? '';
    expect(history).not.toMatch(/NotificationDelivered|MeetingInvitationSent|StageStarted/);
    expect(history).toMatch(/Started Stage 2/);
    await shot(page, 'bf-lead-stage-2');
  });

  it('axe finds no serious or critical violation on each view in light, dark and high contrast, at 1400 and 320 px', async () => {
    const caseId = await caseIdOf('me-course-tutor', 'Emily Clarke');
    const found: Record<string, string[]> = {};
    // Every rule in the light theme; the colour rules again in dark and high contrast (the markup is the same).
    for (const theme of ['default', 'dark', 'contrast']) {
      const rules = theme === 'default' ? undefined : colourRules;
      await signIn(page, stack.url, 'Claire Fenton', { theme });
      await page.getByRole('list', { name: 'Cases' }).waitFor();
      found[`${theme} my cases`] = await seriousViolations(page, rules);
      await page.getByRole('link', { name: 'Emily Clarke', exact: true }).click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.getByRole('list', { name: 'History' }).waitFor();
      found[`${theme} case`] = await seriousViolations(page, rules);
      await shot(page, `case-${theme}`);
      const dialog = await openCommand(page, 'Add a target');
      found[`${theme} plan editor`] = await seriousViolations(page, rules);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await page.setViewportSize({ width: 320, height: 720 });
    await signIn(page, stack.url, 'Claire Fenton', { subPageId: `case/${caseId}` });
    await page.getByRole('heading', { name: 'History' }).waitFor();
    found['320 px case'] = await seriousViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    await shot(page, 'case-320px');
    await page.goto(`${stack.url}/tab/`);
    await page.getByRole('combobox', { name: 'Sign in locally as' }).waitFor();
    found['sign-in'] = await seriousViolations(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(overflow).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('a live theme change re-themes the page without reloading', async () => {
    await signIn(page, stack.url, 'Claire Fenton');
    const background = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
    const light = await background();
    await page.getByRole('combobox', { name: 'Theme (local mode)' }).selectOption('dark');
    await page.waitForFunction(
      (before) =>
        getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor !== before,
      light,
    );
    expect(await background()).not.toBe(light);
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
  });
});
