import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { fontFiles as pdfFontFiles } from '../functions/src/pdf/fonts';
import { buildLegalPages, type LegalBuildResult } from './legal/legal-pages';

const root = path.resolve(__dirname, '..');

/** The deployment package's `dist/` (functions/ is the package root: host.json, package.json, dist/). */
export const functionsDistDir = path.join(root, 'functions/dist');

/** The PDF renderer's module, loaded on the first PDF (functions/src/pdf/pdf-renderer.ts). */
const pdfModule = path.join(root, 'functions/src/pdf/render-paperwork.ts');

/** In the bundle, the renderer's lazy import points at its own file, `dist/pdf.js`, beside main.js. */
const pdfOutOfMain: Plugin = {
  name: 'pdf-out-of-main',
  setup(b) {
    b.onResolve({ filter: /^\.\/render-paperwork$/ }, (args) =>
      args.importer.endsWith(path.join('pdf', 'pdf-renderer.ts'))
        ? { path: './pdf.js', external: true }
        : undefined,
    );
  },
};

/**
 * Bundles the Functions entry to functions/dist/main.js (CJS, Node 20, minified), and the PDF
 * renderer (pdfmake, fontkit, pdfkit) to functions/dist/pdf.js, required on the first PDF only so
 * that it costs nothing at cold start.
 */
export async function buildFunctions(distDir = functionsDistDir): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    // `import()` becomes `require()`: the lazy chunk is CommonJS like the bundle.
    supported: { 'dynamic-import': false },
    // Provided by the Functions worker at run time; it tells the library it is inside the host.
    external: ['@azure/functions-core'],
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [path.join(root, 'functions/src/main.ts')],
    outfile: path.join(distDir, 'main.js'),
    plugins: [pdfOutOfMain],
  });
  await build({
    ...common,
    entryPoints: [pdfModule],
    outfile: path.join(distDir, 'pdf.js'),
  });
  await copyPdfFonts(distDir);
}

/** The record's PDFs embed pdfmake's Roboto faces; they ship beside the bundle (dist/fonts). */
async function copyPdfFonts(distDir: string): Promise<void> {
  const from = path.join(root, 'node_modules/pdfmake/fonts/Roboto');
  const to = path.join(distDir, 'fonts');
  await mkdir(to, { recursive: true });
  for (const face of pdfFontFiles) await copyFile(path.join(from, face), path.join(to, face));
}

/** How the tab is built: `local` (npm start) adds source maps; `production` never does. */
export type TabBuildMode = 'local' | 'production';

/** Options of a tab build. */
export interface TabBuildOptions {
  readonly mode?: TabBuildMode;
  /** Output folder (default addin/dist); emptied first so no stale chunk or map survives. */
  readonly outdir?: string;
  /** The provider's privacy and terms sources (default `LEGAL_DIR`, else `legal/`). */
  readonly legalDir?: string;
  /** Refuse to build while a field of the provider's `provider.json` is empty. */
  readonly requireCompleteLegal?: boolean;
}

/** Where the provider's privacy notice and terms are read from (docs/deploy.md, step 4). */
export function legalDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LEGAL_DIR?.trim();
  return configured === undefined || configured === ''
    ? path.join(root, 'legal')
    : path.resolve(configured);
}

/**
 * Bundles the tab to addin/dist: index.html, main.js (the shell) and one chunk per view under
 * chunks/ (ESM code splitting), and renders the provider's privacy and terms pages beside it.
 * Source maps only in a local build (issue 8): a production build ships none and no
 * `sourceMappingURL` comment.
 */
export async function buildTab(options: TabBuildOptions = {}): Promise<TabBuildResult> {
  const mode = options.mode ?? 'production';
  const outdir = options.outdir ?? path.join(root, 'addin/dist');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { main: path.join(root, 'addin/src/main.tsx') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryNames: '[name]',
    platform: 'browser',
    target: ['es2022'],
    format: 'esm',
    minify: true,
    sourcemap: mode === 'local',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Kept in memory (never written): what each chunk holds, for the bundle budget (tab-bundle.ts).
    metafile: true,
    logLevel: 'warning',
  });
  await copyFile(path.join(root, 'addin/index.html'), path.join(outdir, 'index.html'));
  const legal = await buildLegalPages(options.legalDir ?? legalDirectory(), outdir, {
    requireComplete: options.requireCompleteLegal ?? false,
  });
  return { ...legal, metafile, workingDir: root, outdir };
}

/** A tab build: the legal pages' gaps, and esbuild's metafile (paths relative to `workingDir`). */
export interface TabBuildResult extends LegalBuildResult {
  readonly metafile: Metafile;
  readonly workingDir: string;
  readonly outdir: string;
}

/** Options of a release build (the deployment package's `dist/`). */
export interface ReleaseBuildOptions {
  /** Default functions/dist; emptied first. */
  readonly distDir?: string;
  readonly legalDir?: string;
  readonly requireCompleteLegal?: boolean;
}

/**
 * The production build of the whole deployment package: the Functions bundle in `dist/` and
 * the production tab in `dist/tab`, which the `tab-get` function serves at `/tab/` (ADR 0014).
 */
export async function buildRelease(options: ReleaseBuildOptions = {}): Promise<LegalBuildResult> {
  const distDir = options.distDir ?? functionsDistDir;
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });
  const [, legal] = await Promise.all([
    buildFunctions(distDir),
    buildTab({
      mode: 'production',
      outdir: path.join(distDir, 'tab'),
      ...(options.legalDir === undefined ? {} : { legalDir: options.legalDir }),
      requireCompleteLegal: options.requireCompleteLegal ?? false,
    }),
  ]);
  return legal;
}

async function main(): Promise<void> {
  const started = Date.now();
  const legal = await buildRelease();
  console.log(`Built functions/dist (main.js, tab/) in ${Date.now() - started} ms.`);
  if (legal.unfilled.length > 0)
    console.warn(
      `The privacy and terms pages still have gaps (${legal.unfilled.join(', ')}): fill in ${path.relative(root, path.join(legalDirectory(), 'provider.json'))} before packaging.`,
    );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
