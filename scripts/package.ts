import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildRelease, functionsDistDir } from './build';

const root = path.resolve(__dirname, '..');

/** Where `npm run package` writes the deployment zip (git-ignored). */
export const packagePath = path.join(root, 'dist/functions.zip');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Zips the deployment package: functions/host.json, functions/package.json and every file of
 * `distDir` under `dist/` (the Functions bundle, its PDF fonts and the production tab), the
 * layout `az functionapp deployment source config-zip` expects. Returns the zip's entry names.
 */
export async function packageFunctions(
  out: string,
  distDir: string = functionsDistDir,
): Promise<string[]> {
  const zip: Zippable = {};
  for (const file of ['host.json', 'package.json'])
    zip[file] = await readFile(path.join(root, 'functions', file));
  for (const file of await filesUnder(distDir))
    zip[`dist/${file.split(path.sep).join('/')}`] = await readFile(path.join(distDir, file));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, zipSync(zip, { level: 9 }));
  return Object.keys(zip);
}

async function main(): Promise<void> {
  // A release never ships a privacy notice or terms with gaps.
  await buildRelease({ requireCompleteLegal: true });
  const entries = await packageFunctions(packagePath);
  console.log(`Wrote ${path.relative(root, packagePath)} (${entries.length} files).`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
