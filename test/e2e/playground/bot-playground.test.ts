import type { Page } from 'playwright-core';
import { createBotRoutes, directoryCategories } from '../../../functions/src/bot/bot-routes';
import { botSettings } from '../../../functions/src/bot/bot-settings';
import { loadConfig } from '../../../functions/src/config/app-config';
import type { Logger } from '../../../functions/src/http/logger';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { seedDemo } from '../../../functions/src/local/demo-seed';
import { localEnvironment } from '../../../functions/src/local/local-environment';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import {
  lastCard,
  openPlayground,
  recordFrames,
  say,
  startPlayground,
  type Playground,
} from '../../support/playground';
import { freshServices, must, who } from '../../support/service-fixture';

jest.setTimeout(90_000);

const mentor = demoPersonas.find((p) => p.id === 'me-mentor')!;
const warnings: string[] = [];
const log: Logger = {
  info: () => undefined,
  warn: (m) => warnings.push(m),
  error: (m) => warnings.push(m),
};

let services: Awaited<ReturnType<typeof freshServices>>;
let host: LocalHost;
let playground: Playground;
let browser: TestBrowser;
let page: Page;
let frames: string[];

beforeAll(async () => {
  services = await freshServices();
  await seedDemo(services);
  // APP_ENV=local, as `npm start` runs it: the only mode in which the bot accepts the Playground's unsigned requests.
  const config = loadConfig(localEnvironment(7071, process.env.AZURE_TABLES_CONNECTION_STRING!));
  const routes = createBotRoutes(() => ({
    settings: botSettings(config),
    deps: {
      service: services.cases,
      log,
      now: () => new Date(),
      categories: directoryCategories(services.providers),
    },
  }));
  host = await startLocalHost({ port: 0, routes, log });
  playground = await startPlayground({ botEndpoint: `${host.url}/api/messages`, user: mentor });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  // Each may be missing if beforeAll failed part-way; stop whatever did start.
  await (browser as TestBrowser | undefined)?.close();
  await (playground as Playground | undefined)?.stop();
  await (host as LocalHost | undefined)?.stop();
});

beforeEach(async () => {
  page = await browser.newPage();
  frames = recordFrames(page);
  await openPlayground(page, playground);
});
afterEach(async () => page.close());

async function emilysCase() {
  const mine = must(await services.cases.listMine(who('me-mentor'), { status: 'open' }));
  return mine.find((c) => c.traineeName === 'Emily Clarke')!.caseId;
}

describe('the bot in Microsoft 365 Agents Playground (Teams channel), driven in Chromium', () => {
  it('raises a concern from personal chat: form card, submit, confirmation card without the text', async () => {
    const description = `Arrived late to period 1 twice this week (${Date.now()})`;
    await say(page, 'raise a concern');
    const form = lastCard(page);
    await form.getByText('Raise a concern', { exact: true }).waitFor();
    await form.getByRole('combobox', { name: 'Trainee' }).click();
    await page.getByRole('option', { name: 'Emily Clarke' }).click();
    await form.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: /Teaching causing concern/ }).click();
    await form.getByRole('textbox', { name: /What happened/ }).fill(description);
    await form.getByRole('button', { name: 'Raise concern' }).click();

    const confirmation = lastCard(page);
    await confirmation.getByText('Concern recorded').waitFor();
    await expect(confirmation.innerText()).resolves.toContain('Emily Clarke');
    await expect(confirmation.innerText()).resolves.not.toContain(description);
    const view = must(await services.cases.getCase(who('me-course-tutor'), await emilysCase()));
    expect(view.concerns.map((c) => c.description)).toContain(description);
  });

  it('opens a case from "my cases", signs the plan, and the message is updated for everyone', async () => {
    await say(page, 'my cases');
    const list = lastCard(page);
    await list.getByText('My cases', { exact: true }).waitFor();
    const row = list
      .locator('div')
      .filter({ has: page.getByText('Emily Clarke', { exact: true }) })
      .filter({ has: page.getByRole('button', { name: 'Open' }) })
      .last();
    await row.getByRole('button', { name: 'Open' }).click();

    const caseCard = lastCard(page);
    await caseCard.getByText('Support case').waitFor();
    await expect(caseCard.innerText()).resolves.toMatch(/Gareth Jones \(not signed\)/);
    await caseCard.getByRole('button', { name: 'Sign the plan' }).click();

    const signCard = lastCard(page);
    await signCard.getByRole('textbox', { name: /Type your full name/ }).fill('Gareth Jones');
    await signCard.getByRole('button', { name: 'Sign', exact: true }).click();

    const signed = lastCard(page);
    await signed.getByText(/You signed version \d+ of the plan\./).waitFor();
    await expect(signed.innerText()).resolves.toMatch(/Gareth Jones \(signed /);
    await expect(signed.getByRole('button', { name: 'Sign the plan' }).count()).resolves.toBe(0);

    // The Playground applied the bot's message update (what everyone else sees): signed, no personal buttons.
    const update = frames.find(
      (f) => f.includes('"action":"updateMessage"') && f.includes('(signed '),
    );
    expect(update).toBeDefined();
    expect(update).not.toContain('"verb":"openSignPlan"');
    expect(warnings.filter((w) => w.includes('Could not update'))).toEqual([]);
    const events = await services.store.events('mid-essex-itt', await emilysCase());
    expect(
      events.filter((e) => e.type === 'PlanSigned' && e.actor.oid === mentor.oid),
    ).toHaveLength(1);
  });
});
