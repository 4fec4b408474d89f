/**
 * Run by `npm test` before jest: makes sure Debian's Chromium (browser tests) and poppler-utils'
 * pdftotext (the record's PDF tests read the generated paperwork back as text) are present.
 * As root with apt-get available it installs the missing packages; otherwise it stops with the
 * exact command to run. Downloaded browsers (`npx playwright install`) are never used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pdftotext = '/usr/bin/pdftotext';

/** Each tool the tests run, and the Debian package that provides it. */
const needed = [
  { path: chromium, pkg: 'chromium', what: "Debian's Chromium (browser tests)" },
  { path: pdftotext, pkg: 'poppler-utils', what: 'pdftotext from poppler-utils (PDF tests)' },
];

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function install(packages: readonly string[]): void {
  console.log(`Missing ${packages.join(', ')}; installing with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

const missing = needed.filter((n) => !existsSync(n.path));
if (missing.length > 0) {
  if (!canInstall()) {
    console.error(
      `The tests need ${missing.map((m) => `${m.what} at ${m.path}`).join(' and ')}.\n` +
        `Install with:  sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}\n` +
        '(or set CHROMIUM_PATH to an existing Chromium binary), then run npm test again.',
    );
    process.exit(1);
  }
  install(missing.map((m) => m.pkg));
  const still = missing.filter((m) => !existsSync(m.path));
  if (still.length > 0) {
    console.error(`apt-get finished but ${still.map((m) => m.path).join(', ')} is still missing.`);
    process.exit(1);
  }
}
console.log(`Chromium: ${chromium}; pdftotext: ${pdftotext}`);
