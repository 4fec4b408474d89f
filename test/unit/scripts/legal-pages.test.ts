import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildLegalPages,
  legalFields,
  LegalPagesError,
  renderLegalPage,
} from '../../../scripts/legal/legal-pages';

const templateDir = path.resolve(__dirname, '../../../legal');
const blank = Object.fromEntries(Object.keys(legalFields).map((k) => [k, ''])) as Record<
  keyof typeof legalFields,
  string
>;
const filled = {
  ...blank,
  providerName: 'Bright Futures SCITT',
  controllerName: 'Bright Futures Educational Trust',
  controllerAddress: '1 High Street, Chelmsford CM1 1AA',
  contactEmail: 'dpo@brightfutures.example',
  dataProtectionContact: 'A. Officer, dpo@brightfutures.example',
  icoRegistrationNumber: 'ZA123456',
  lawfulBasis: 'public task (UK GDPR Article 6(1)(e))',
  specialCategoryCondition: 'substantial public interest (DPA 2018 Schedule 1)',
  azureRegion: 'UK South',
  retentionYears: '6',
  lastUpdated: '2 December 2026',
};

const dirs: string[] = [];
function legalCopy(details: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'legal-'));
  dirs.push(dir);
  cpSync(templateDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'provider.json'), JSON.stringify(details));
  return dir;
}
const outDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'legal-out-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('privacy and terms pages a provider fills in (issue 10)', () => {
  it("the shipped privacy template states the product's data processing, and every placeholder is known", () => {
    const { html, unfilled } = renderLegalPage(
      readFileSync(path.join(templateDir, 'privacy.md'), 'utf8'),
      filled,
      'privacy.md',
    );
    expect(unfilled).toEqual([]);
    expect(html).toContain('<title>Privacy notice: Support plans in Microsoft Teams</title>');
    expect(html).toContain('<strong>Bright Futures Educational Trust</strong>');
    const text = html.replace(/\s+/g, ' ');
    for (const fact of [
      'Azure Table Storage',
      'region UK South',
      'special category',
      'Every read of it is recorded',
      '<strong>6 years</strong>',
      'Microsoft Products and Services Data Protection Addendum',
      'No other company receives the information',
      'Information Commissioner',
    ])
      expect(text).toContain(fact);
  });

  it('the terms template renders with every placeholder known and links the privacy notice', () => {
    const { html, unfilled } = renderLegalPage(
      readFileSync(path.join(templateDir, 'terms.md'), 'utf8'),
      filled,
      'terms.md',
    );
    expect(unfilled).toEqual([]);
    expect(html).toContain('<a href="/tab/privacy">privacy notice</a>');
    expect(html).toContain('Bright Futures SCITT');
  });

  it('escapes what it renders: a value is plain text, raw HTML in the markdown is shown as text', () => {
    const { html } = renderLegalPage(
      '# {{providerName}}\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\nContact {{contactEmail}}.',
      {
        ...filled,
        providerName: '<img src=x onerror=alert(3)> & "Co"',
        contactEmail: "o'brien@x.example",
      },
    );
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<h1>&lt;img src=x onerror=alert(3)&gt; &amp; &quot;Co&quot;</h1>');
    expect(html).toContain('o&#39;brien@x.example');
    expect(html).toContain(
      '<title>&lt;img src=x onerror=alert(3)&gt; &amp; &quot;Co&quot;</title>',
    );
  });

  it('links only to the web, mail or this site: javascript: and data: targets stay text', () => {
    const { html } = renderLegalPage(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](https://ico.org.uk) [d](mailto:dpo@x.example)',
      filled,
    );
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<a href="https://ico.org.uk">c</a>');
    expect(html).toContain('<a href="mailto:dpo@x.example">d</a>');
  });

  it('a field left empty shows as a marked gap naming it; an unknown placeholder stops the build', () => {
    const { html, unfilled } = renderLegalPage('Controller: {{controllerName}}.', blank);
    expect(unfilled).toEqual(['controllerName']);
    expect(html).toContain(
      '<mark class="unfilled">[to be filled in: data controller (legal entity)]</mark>',
    );
    expect(() => renderLegalPage('{{controlerName}}', filled, 'privacy.md')).toThrow(
      new LegalPagesError('privacy.md: unknown placeholder {{controlerName}}.'),
    );
  });

  it('builds privacy.html, terms.html and legal.css from a filled provider.json', async () => {
    const out = outDir();
    const result = await buildLegalPages(legalCopy(filled), out, { requireComplete: true });
    expect(result.unfilled).toEqual([]);
    expect(readFileSync(path.join(out, 'privacy.html'), 'utf8')).toContain('ZA123456');
    expect(readFileSync(path.join(out, 'terms.html'), 'utf8')).toContain(
      'dpo@brightfutures.example',
    );
    expect(readFileSync(path.join(out, 'legal.css'), 'utf8')).toContain('mark.unfilled');
  });

  it('a release refuses the blank template, naming the fields still to fill in', async () => {
    const promise = buildLegalPages(templateDir, outDir(), { requireComplete: true });
    await expect(promise).rejects.toThrow(LegalPagesError);
    await expect(buildLegalPages(templateDir, outDir(), { requireComplete: true })).rejects.toThrow(
      /fill in .*controllerName.*contactEmail/,
    );
    // Without the requirement (npm start, npm run build) the gaps are reported, not fatal.
    const draft = await buildLegalPages(templateDir, outDir());
    expect(draft.unfilled).toContain('icoRegistrationNumber');
  });

  it('a malformed provider.json is refused with the file and the field', async () => {
    await expect(
      buildLegalPages(legalCopy({ ...filled, providerNmae: 'x' }), outDir()),
    ).rejects.toThrow(/provider\.json: .*providerNmae/);
    const { contactEmail: _omitted, ...missing } = filled;
    await expect(buildLegalPages(legalCopy(missing), outDir())).rejects.toThrow(
      /provider\.json: contactEmail: /,
    );
    await expect(
      buildLegalPages(legalCopy({ ...filled, lastUpdated: 7 }), outDir()),
    ).rejects.toThrow(/provider\.json: lastUpdated: /);
  });
});
