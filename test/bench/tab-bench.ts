import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildTab } from '../../scripts/build';
import { initialJsBudgetKb, tabBundleReport } from '../../scripts/tab-bundle';
import { launchBrowser } from '../support/browser';
import { must, who } from '../support/service-fixture';
import { startTabStack } from '../e2e/tab/tab-stack';
import { openBenchCase } from './bench-cases';
import { percentile, report, round, timed } from './stats';

const RUNS = 7;
const LIST_SIZE = 50;
const EVENTS = 200;

/** Initial JavaScript of the production tab (gzip) and what each lazy chunk adds (metafile). */
async function benchBundle(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tab-bench-build-'));
  try {
    const built = await buildTab({ mode: 'production', outdir: dir });
    const bundle = tabBundleReport(built.metafile, built.workingDir, built.outdir);
    report({
      measure: 'tab-initial-js-gzip-kb',
      value: bundle.initialGzipKb,
      budget: initialJsBudgetKb,
      files: bundle.initialFiles.length,
      perViewGzipKb: bundle.lazyGzipKb,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rendered(page: Page, url: string, ready: (page: Page) => Promise<unknown>) {
  // From a blank page each time: a URL differing only in its hash would not reload the bundle.
  await page.goto('about:blank');
  return timed(async () => {
    await page.goto(url);
    await ready(page);
  });
}

/**
 * Navigation to a rendered list of 50 cases and to a case with 200 events, each as a ratio to
 * navigating to an empty page (the not-found view) of the same bundle, interleaved in one run.
 * Each navigation loads the bundle, signs in (local IdP) and fetches what the view needs.
 */
async function benchRender(): Promise<void> {
  const stack = await startTabStack();
  const browser = await launchBrowser();
  try {
    const mentor = 'me-mentor';
    const have = must(await stack.services.cases.listMine(who(mentor), {})).length;
    for (let i = have; i < LIST_SIZE; i += 1)
      await openBenchCase(stack.services, ['me-course-tutor', mentor]);
    const big = await openBenchCase(stack.services, ['me-course-tutor']);
    const events = must(await stack.services.cases.history(who('me-course-tutor'), big)).length;
    for (let i = events; i < EVENTS; i += 1) {
      must(
        await stack.services.cases.execute(
          who('me-course-tutor'),
          big,
          {
            type: 'addComment',
            text: `Note ${i}: discussed pacing with the mentor.`,
            visibility: 'all',
          },
          randomUUID(),
        ),
      );
    }
    const page = await browser.newPage();
    const base = `${stack.url}/tab/`;
    const samples = { empty: [] as number[], list: [] as number[], case: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      samples.empty.push(
        await rendered(page, `${base}?persona=${mentor}#/nowhere`, (p) =>
          p.getByRole('heading', { name: 'Page not found' }).waitFor(),
        ),
      );
      samples.list.push(
        await rendered(page, `${base}?persona=${mentor}#/`, (p) =>
          p.waitForFunction(
            (n) => document.querySelectorAll('li[data-case-id]').length >= n,
            LIST_SIZE,
          ),
        ),
      );
      samples.case.push(
        await rendered(page, `${base}?persona=me-course-tutor#/cases/${big}`, (p) =>
          p.waitForFunction(
            (n) => document.querySelectorAll('ol[aria-label="History"] > li').length >= n,
            EVENTS,
          ),
        ),
      );
    }
    const empty = percentile(samples.empty, 50);
    for (const [name, list] of [
      ['list-50-cases', samples.list],
      ['case-200-events', samples.case],
    ] as const) {
      report({
        measure: `tab-render-${name}`,
        p50Ms: round(percentile(list, 50)),
        emptyPageP50Ms: round(empty),
        ratioToEmptyPage: round(percentile(list, 50) / empty),
        runs: RUNS,
      });
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** The tab's bundle budget and render times (`npm run bench`). */
export async function benchTab(connectionString: string): Promise<void> {
  process.env.AZURE_TABLES_CONNECTION_STRING = connectionString;
  await benchBundle();
  await benchRender();
}
