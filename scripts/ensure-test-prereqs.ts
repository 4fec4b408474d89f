/**
 * Run by `npm test` before jest: makes sure Debian's Chromium is present for the browser tests.
 * As root with apt-get available it installs the `chromium` package; otherwise it stops with the
 * exact command to run. Downloaded browsers (`npx playwright install`) are never used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function install(): void {
  console.log('Chromium is missing; installing Debian\u2019s chromium package (apt-get)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
}

if (!existsSync(chromium)) {
  if (!canInstall()) {
    console.error(
      `The browser tests need Debian's Chromium at ${chromium}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(or set CHROMIUM_PATH to an existing Chromium binary), then run npm test again.',
    );
    process.exit(1);
  }
  install();
  if (!existsSync(chromium)) {
    console.error(`apt-get finished but ${chromium} is still missing.`);
    process.exit(1);
  }
}
console.log(`Chromium: ${chromium}`);
