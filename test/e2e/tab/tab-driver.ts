import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/** Screenshots go here (git-ignored). */
const screenshotDir = path.resolve(__dirname, '../../../test-results/screenshots/tab');

/** Signs in locally as a persona (by name), optionally with a host theme or a deep link. */
export async function signIn(
  page: Page,
  base: string,
  persona: string,
  query: Record<string, string> = {},
): Promise<void> {
  const search = new URLSearchParams(query).toString();
  await page.goto(`${base}/tab/${search === '' ? '' : `?${search}`}`);
  await page.getByRole('combobox', { name: 'Sign in locally as' }).click();
  await page.getByRole('option', { name: new RegExp(`^${persona} —`) }).click();
  await page.getByText(`Signed in locally as ${persona}`).waitFor();
}

/** Opens a case from "my cases" by the trainee's name. */
export async function openCase(page: Page, trainee: string): Promise<void> {
  await page.getByRole('heading', { name: 'My cases' }).waitFor();
  await page.getByRole('link', { name: trainee, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: trainee }).waitFor();
  await page.getByRole('heading', { name: 'Stages' }).waitFor();
}

/** Clicks an available command's button and returns its open dialog. */
export async function openCommand(page: Page, name: string | RegExp): Promise<Locator> {
  await page.getByRole('button', { name }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Submits a dialog's form and waits for the case page's announcement of what happened. */
export async function submitAndWait(
  page: Page,
  dialog: Locator,
  button: string | RegExp,
  done: string | RegExp,
) {
  await dialog.getByRole('button', { name: button }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
}

/** A full-page screenshot under test-results/screenshots/tab. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Tabster's focus-redirect bumpers (`<i data-tabster-dummy aria-hidden tabindex=0>`, used by Fluent
 * UI v9) are a documented false positive of aria-hidden-focus: focusable on purpose, hidden so
 * screen readers skip them (microsoft/tabster#288; Accessibility Insights suppresses exactly these
 * nodes, microsoft/accessibility-insights-web#7605). Only those nodes are dropped.
 */
function isTabsterBumper(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy=""/.test(html);
}

/** The axe rules a theme can change (colours); the others depend only on the markup. */
export const colourRules = ['color-contrast', 'link-in-text-block'] as const;

/** axe-core's serious and critical violations on the page (all rules, or `only`), as short lines. */
export async function seriousViolations(page: Page, only?: readonly string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (only !== undefined) builder.withRules([...only]);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterBumper(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}
