import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PaperworkForm } from '@shared/record/paperwork/form-model';
import { buildFunctions } from '../../../scripts/build';

const form: PaperworkForm = {
  confidential: 'CONFIDENTIAL',
  title: 'Stage 1 support plan',
  providerName: 'Mid Essex ITT',
  procedureTitle: 'Support procedure',
  procedureVersion: '2025',
  stageLabel: 'Stage 1',
  planVersion: 1,
  latestVersion: 1,
  fullySigned: false,
  versionLine: 'Plan version 1 of 1.',
  blocks: [{ kind: 'lines', title: 'Targets', lines: ['Plan lessons with clear objectives'] }],
  rules: ['ME-79'],
};

/**
 * The production Functions bundle keeps the PDF stack out of the start-up path (cold start): it is
 * in dist/pdf.js, required by main.js on the first PDF only, and it renders from there.
 */
describe('the Functions bundle', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'functions-dist-'));
  beforeAll(() => buildFunctions(dist), 120_000);
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('leaves pdfmake out of main.js and requires dist/pdf.js lazily', () => {
    const main = readFileSync(path.join(dist, 'main.js'), 'utf8');
    expect(main).not.toContain('pdfmake');
    expect(main).toContain('require("./pdf.js")');
    expect(readFileSync(path.join(dist, 'pdf.js'), 'utf8')).toContain('pdfmake');
    expect(statSync(path.join(dist, 'fonts', 'Roboto-Regular.ttf')).size).toBeGreaterThan(0);
  });

  it('renders a PDF from the built dist/pdf.js with the fonts beside it', () => {
    const input = path.join(dist, 'form.json');
    writeFileSync(input, JSON.stringify(form));
    const script = `require(${JSON.stringify(path.join(dist, 'pdf.js'))})
      .renderPaperwork(require(${JSON.stringify(input)}), new Date('2026-12-01T10:00:00Z'))
      .then((b) => process.stdout.write(Buffer.from(b).subarray(0, 5).toString('latin1')))`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('%PDF-');
  });
});
