import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { z } from 'zod';

/**
 * The provider's details that fill the privacy notice and terms (`legal/provider.json`), with the
 * label a reader sees where one is still empty.
 */
export const legalFields = {
  providerName: 'training provider name',
  controllerName: 'data controller (legal entity)',
  controllerAddress: 'postal address',
  contactEmail: 'contact email',
  dataProtectionContact: 'data protection officer or contact',
  icoRegistrationNumber: 'ICO registration number',
  lawfulBasis: 'lawful basis (UK GDPR Article 6)',
  specialCategoryCondition: 'special category condition (Article 9 and DPA 2018 Schedule 1)',
  azureRegion: 'Azure region',
  retentionYears: 'years closed cases are kept',
  lastUpdated: 'date this notice was last updated',
} as const;

type LegalField = keyof typeof legalFields;

const fieldValue = z.string().trim().max(1000, 'at most 1000 characters');

/** `provider.json`: every field present (empty while not filled in), nothing else. */
const legalDetailsSchema = z.strictObject(
  Object.fromEntries(Object.keys(legalFields).map((key) => [key, fieldValue])) as Record<
    LegalField,
    typeof fieldValue
  >,
);

/** A legal page source that cannot be built; the message names the file and the field. */
export class LegalPagesError extends Error {
  override readonly name = 'LegalPagesError';
}

/** The pages the build writes beside the tab; `/tab/privacy` and `/tab/terms` serve them. */
const legalPages = [
  { source: 'privacy.md', output: 'privacy.html' },
  { source: 'terms.md', output: 'terms.html' },
] as const;

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

// Raw HTML in the markdown is shown as text, never passed through; links only to the web,
// mail or this site (no javascript:, data: or file: targets).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url) => /^(https:|http:|mailto:|\/|#)/i.test(url.trim());

const placeholder = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Renders one page: the markdown (escaped, a safe subset) with each `{{field}}` replaced by the
 * provider's value as plain text. An empty value shows as a marked gap naming what is missing.
 */
export function renderLegalPage(
  source: string,
  details: Readonly<Record<LegalField, string>>,
  file = 'page',
): { html: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const body = markdown.render(source).replace(placeholder, (_, key: string) => {
    if (!(key in legalFields))
      throw new LegalPagesError(`${file}: unknown placeholder {{${key}}}.`);
    const value = details[key as LegalField];
    if (value !== '') return escapeHtml(value);
    unfilled.add(key);
    return `<mark class="unfilled">[to be filled in: ${escapeHtml(legalFields[key as LegalField])}]</mark>`;
  });
  const title = (/<h1>(.*?)<\/h1>/.exec(body)?.[1] ?? 'Support plans').replace(/<[^>]*>/g, '');
  const html = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="/tab/legal.css" />',
    '</head>',
    `<body><main>${body}</main></body>`,
    '</html>',
    '',
  ].join('\n');
  return { html, unfilled: [...unfilled] };
}

const css = `body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;line-height:1.5;color:#242424;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2}h2{font-size:1.25rem;margin-top:2rem}
a{color:#0f548c}mark.unfilled{background:#fde300;color:#242424;padding:0 .2em}
@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1f1f1f}a{color:#79b8f3}}
`;

/** What a build of the legal pages found. */
export interface LegalBuildResult {
  /** Fields still empty in `provider.json` (shown on the pages as gaps). */
  readonly unfilled: readonly string[];
}

async function readDetails(legalDir: string): Promise<Record<LegalField, string>> {
  const file = path.join(legalDir, 'provider.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new LegalPagesError(`${file}: ${(error as Error).message}`);
  }
  const parsed = legalDetailsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new LegalPagesError(
      `${file}: ${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/**
 * Builds `privacy.html`, `terms.html` and `legal.css` into `outdir` from the provider's folder
 * (`provider.json`, `privacy.md`, `terms.md`). With `requireComplete`, a field left empty stops
 * the build with the fields' names (a deployment artefact never ships a half-filled notice).
 */
export async function buildLegalPages(
  legalDir: string,
  outdir: string,
  options: { requireComplete?: boolean } = {},
): Promise<LegalBuildResult> {
  const details = await readDetails(legalDir);
  const unfilled = new Set<string>();
  for (const page of legalPages) {
    const source = await readFile(path.join(legalDir, page.source), 'utf8');
    const rendered = renderLegalPage(source, details, page.source);
    for (const key of rendered.unfilled) unfilled.add(key);
    await writeFile(path.join(outdir, page.output), rendered.html);
  }
  await writeFile(path.join(outdir, 'legal.css'), css);
  if (options.requireComplete === true && unfilled.size > 0)
    throw new LegalPagesError(
      `${path.join(legalDir, 'provider.json')}: fill in ${[...unfilled].join(', ')} before packaging (docs/deploy.md, step 4).`,
    );
  return { unfilled: [...unfilled] };
}
