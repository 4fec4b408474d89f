import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { fontFiles as pdfFontFiles } from '../functions/src/pdf/fonts';

const root = path.resolve(__dirname, '..');

/** Bundles the Functions entry to functions/dist/main.js (CJS, Node 20, minified). */
export async function buildFunctions(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'functions/src/main.ts')],
    outfile: path.join(root, 'functions/dist/main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    // Provided by the Functions worker at run time; it tells the library it is inside the host.
    external: ['@azure/functions-core'],
    logLevel: 'warning',
  });
  await copyPdfFonts();
}

/** The record's PDFs embed pdfmake's Roboto faces; they ship beside the bundle (functions/dist/fonts). */
async function copyPdfFonts(): Promise<void> {
  const from = path.join(root, 'node_modules/pdfmake/fonts/Roboto');
  const to = path.join(root, 'functions/dist/fonts');
  await mkdir(to, { recursive: true });
  for (const face of pdfFontFiles) await copyFile(path.join(from, face), path.join(to, face));
}

/** Bundles the tab to addin/dist (main.js + index.html). */
export async function buildTab(): Promise<void> {
  const outdir = path.join(root, 'addin/dist');
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'addin/src/main.tsx')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    platform: 'browser',
    target: ['es2022'],
    format: 'esm',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await copyFile(path.join(root, 'addin/index.html'), path.join(outdir, 'index.html'));
}

async function main(): Promise<void> {
  const started = Date.now();
  await Promise.all([buildFunctions(), buildTab()]);
  console.log(`Built functions/dist/main.js and addin/dist in ${Date.now() - started} ms.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
