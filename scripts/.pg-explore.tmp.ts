import { createAppServices } from '../functions/src/services/create-case-service';
import { createBotRoutes, directoryCategories } from '../functions/src/bot/bot-routes';
import { consoleLogger } from '../functions/src/http/logger';
import { startLocalHost } from '../functions/src/local/local-host';
import { seedDemo } from '../functions/src/local/demo-seed';
import { startAzurite } from '../test/support/azurite';
import { startPlayground } from '../test/support/playground';
import { launchBrowser } from '../test/support/browser';

async function main() {
  const az = await startAzurite({ location: '/tmp/scratch/az', inMemory: true });
  const services = createAppServices({ connectionString: az.connectionString });
  await seedDemo(services);
  const routes = createBotRoutes(() => ({ settings: { mode: 'local-anonymous' }, deps: { service: services.cases, log: consoleLogger, now: () => new Date(), categories: directoryCategories(services.providers) } }));
  const host = await startLocalHost({ port: 0, routes, log: consoleLogger });
  const pg = await startPlayground({ botEndpoint: `${host.url}/api/messages` });
  console.log('PLAYGROUND', pg.url);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(pg.url);
  await page.waitForTimeout(4000);
  await page.screenshot({ path: '/tmp/scratch/pg1.png' });
  const box = page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]');
  await box.click();
  await box.type('raise a concern');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/scratch/pg2.png', fullPage: true });
  require('fs').writeFileSync('/tmp/scratch/pg2.html', await page.content());
  console.log('blocked', browser.blocked);
  await browser.close();
  await pg.stop();
  await host.stop();
  await az.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
