/**
 * `npm run manifest:package` (tsx manifest/package-manifest.ts): fills manifest.template.json
 * from APP_ID, TAB_DOMAIN and APP_VERSION, validates it offline against the bundled Teams
 * schema and writes manifest/dist/appPackage.zip (manifest.json, color.png, outline.png).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fillTemplate, placeholderValues } from './lib/fill-template';
import { readPackageSettings } from './lib/package-settings';
import { ManifestPackagingError } from './lib/packaging-errors';
import { assertValidManifest, type TeamsAppManifest } from './lib/validate-manifest';
import { createZip } from './lib/zip-writer';

// Where the template and icons are, and where the package is written by default.
const manifestDir = __dirname;

/** The filled and validated manifest, from the template and the environment. */
export async function buildManifest(
  env: Readonly<Record<string, string | undefined>>,
  dir = manifestDir,
): Promise<TeamsAppManifest> {
  const settings = readPackageSettings(env);
  const template = await readFile(path.join(dir, 'manifest.template.json'), 'utf8');
  const manifest = JSON.parse(
    fillTemplate(template, placeholderValues(settings)),
  ) as TeamsAppManifest;
  await assertValidManifest(manifest);
  return manifest;
}

/** Builds the Teams app package (a ZIP) and writes it to `outFile`; returns the manifest. */
export async function packageApp(
  env: Readonly<Record<string, string | undefined>>,
  outFile = path.join(manifestDir, 'dist', 'appPackage.zip'),
  dir = manifestDir,
): Promise<TeamsAppManifest> {
  const manifest = await buildManifest(env, dir);
  const icons = [manifest.icons.color, manifest.icons.outline];
  const files = await Promise.all(
    icons.map(async (name) => ({ name, data: await readFile(path.join(dir, name)) })),
  );
  const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, createZip([{ name: 'manifest.json', data: json }, ...files]));
  return manifest;
}

async function main(): Promise<void> {
  const outFile = path.join(manifestDir, 'dist', 'appPackage.zip');
  const manifest = await packageApp(process.env, outFile);
  console.log(
    `Wrote ${path.relative(process.cwd(), outFile)} (${manifest.name.short} ${manifest.version}).`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ManifestPackagingError ? error.message : error);
    process.exit(1);
  });
}
