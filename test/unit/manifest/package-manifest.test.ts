import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageApp } from '../../../manifest/package-manifest';
import {
  InvalidEnvVarError,
  MissingEnvVarError,
  UnfilledPlaceholderError,
} from '../../../manifest/lib/packaging-errors';
import { fillTemplate } from '../../../manifest/lib/fill-template';
import { readPackageSettings } from '../../../manifest/lib/package-settings';
import { forbidNetwork } from './no-network';
import { readZip } from './read-zip';

// strip-bom 5 is ESM-only: Node >= 20.19 can require() it, Jest's CommonJS runtime cannot. Only
// the package's file readers use it; these tests read no manifest through them.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const env = {
  APP_ID: '8C3E1A52-0B7D-4F0E-9A51-2F6D3C4B5A69',
  TAB_DOMAIN: 'func-support-plans.azurewebsites.net',
  APP_VERSION: '2.0.0',
};

let dir: string;
let network: ReturnType<typeof forbidNetwork>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'app-package-'));
  network = forbidNetwork();
});
afterEach(async () => {
  network.restore();
  await rm(dir, { recursive: true, force: true });
});

describe('packageApp', () => {
  it('writes manifest.json and both icons into the ZIP, offline', async () => {
    const out = path.join(dir, 'appPackage.zip');
    await packageApp(env, out);
    const entries = readZip(await readFile(out));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as {
      id: string;
      version: string;
    };
    expect(manifest).toMatchObject({ id: env.APP_ID.toLowerCase(), version: '2.0.0' });
    const color = await readFile(path.join(__dirname, '../../../manifest/color.png'));
    expect(entries[1]!.data.equals(color)).toBe(true);
    expect(network.calls()).toEqual([]);
  });

  it.each(['APP_ID', 'TAB_DOMAIN', 'APP_VERSION'] as const)(
    'names %s when it is missing',
    async (variable) => {
      const partial = { ...env, [variable]: '  ' };
      const attempt = packageApp(partial, path.join(dir, 'never.zip'));
      await expect(attempt).rejects.toBeInstanceOf(MissingEnvVarError);
      await expect(attempt).rejects.toThrow(`Missing environment variable ${variable}`);
    },
  );

  it.each([
    ['APP_ID', 'not-a-guid'],
    ['TAB_DOMAIN', 'https://func-x.azurewebsites.net/tab'],
    ['TAB_DOMAIN', 'Func-X.azurewebsites.net'],
    ['APP_VERSION', '1.0'],
    ['APP_VERSION', '01.0.0'],
  ] as const)('refuses %s=%s', (variable, value) => {
    expect(() => readPackageSettings({ ...env, [variable]: value })).toThrow(InvalidEnvVarError);
    expect(() => readPackageSettings({ ...env, [variable]: value })).toThrow(variable);
  });
});

describe('fillTemplate', () => {
  it('refuses a placeholder it has no value for', () => {
    expect(() => fillTemplate('{"a":"{{APP_ID}}","b":"{{OTHER}}"}', { APP_ID: 'x' })).toThrow(
      UnfilledPlaceholderError,
    );
  });
});
