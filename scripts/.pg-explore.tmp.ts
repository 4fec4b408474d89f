import { createAppServices } from '../functions/src/services/create-case-service';
import { createBotRoutes, directoryCategories } from '../functions/src/bot/bot-routes';
import { consoleLogger } from '../functions/src/http/logger';
import { startLocalHost } from '../functions/src/local/local-host';
import { seedDemo } from '../functions/src/local/demo-seed';
import { startAzurite } from '../test/support/azurite';
import { startPlayground } from '../test/support/playground';
import { launchBrowser } from '../test/support/browser';
import { writeFileSync } from 'fs';

async function main() {
  const az = await startAzurite({ location: '/tmp/scratch/az', inMemory: true });
  const services = createAppServices({ connectionString: az.connectionString });
  await seedDemo(services);
  const routes = createBotRoutes(() => ({ settings: { mode: 'local-anonymous' }, deps: { service: services.cases, log: consoleLogger, now: () => new Date(), categories: directoryCategories(services.providers) } }));
  const host = await startLocalHost({ port: 0, routes, log: consoleLogger });
  const pg = await startPlayground({ botEndpoint: `${host.url}/api/messages` });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  try {
    await page.goto(pg.url);
    await page.getByText('Connected.').waitFor();
    const box = page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]');
    await box.click();
    await box.type('raise a concern');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard').last();
    await card.getByRole('combobox', { name: 'Trainee' }).click();
    await page.getByRole('option', { name: 'Emily Clarke' }).click();
    await card.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: /Teaching causing concern/ }).click();
    await card.getByRole('textbox', { name: /What happened/ }).fill('Arrived late to period 1 twice this week.');
    await card.getByRole('button', { name: 'Raise concern' }).click();
    await page.getByText('Concern recorded').waitFor({ timeout: 10000 });
    await page.screenshot({ path: '/tmp/scratch/pg3.png' });
    await box.click();
    await box.type('my cases');
    await page.keyboard.press('Enter');
    const list = page.locator('.ac-adaptiveCard').last();
    await list.getByText('My cases', { exact: true }).waitFor();
    const row = list.locator('div').filter({ has: page.getByText('Emily Clarke', { exact: true }) }).filter({ has: page.getByRole('button', { name: 'Open' }) }).last();
    await row.getByRole('button', { name: 'Open' }).click();
    await page.getByText('Support case').waitFor();
    await page.screenshot({ path: '/tmp/scratch/pg4.png' });
    await page.getByRole('button', { name: 'Sign the plan' }).click();
    await page.getByRole('textbox', { name: /Type your full name/ }).fill('Gareth Jones');
    await page.screenshot({ path: '/tmp/scratch/pg5.png' });
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText(/You signed version/).waitFor({ timeout: 10000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: '/tmp/scratch/pg6.png' });
    writeFileSync('/tmp/scratch/pglog.txt', require('fs').readFileSync(pg.logFile, 'utf8'));
    writeFileSync('/tmp/scratch/frames.txt', frames.join('\n-----\n'));
  } catch (e) {
    console.error(e);
    await page.screenshot({ path: '/tmp/scratch/pgerr.png' });
  }
  await browser.close();
  await pg.stop();
  await host.stop();
  await az.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
