import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';

/** Issue 10: the tab's initial JavaScript (gzip) must stay at or below this. */
export const initialJsBudgetKb = 300;

/** What a production tab build loads first, and what each lazy chunk adds. */
export interface TabBundleReport {
  /** Gzip KB of main.js and every chunk it imports statically. */
  readonly initialGzipKb: number;
  /** Those files, relative to the output folder. */
  readonly initialFiles: readonly string[];
  /** Source files (node_modules paths included) with code in the initial files. */
  readonly initialInputs: readonly string[];
  /** Per lazily imported chunk (a view, the persona picker, teams-js): gzip KB it adds. */
  readonly lazyGzipKb: Readonly<Record<string, number>>;
  /** Per lazy chunk: the source files it adds beyond the initial files. */
  readonly lazyInputs: Readonly<Record<string, readonly string[]>>;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Reads esbuild's metafile of a tab build (`absWorkingDir` = `workingDir`): the static import
 * closure of `main.js` is the initial JavaScript; each `import()` target adds its own closure.
 */
export function tabBundleReport(
  metafile: Metafile,
  workingDir: string,
  outdir: string,
): TabBundleReport {
  const outputs = metafile.outputs;
  const key = (file: string) => path.relative(workingDir, path.join(outdir, file));
  const rel = (output: string) => path.relative(outdir, path.join(workingDir, output));
  const closure = (start: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(start)) return seen;
    seen.add(start);
    for (const i of outputs[start]?.imports ?? [])
      if (i.kind === 'import-statement') closure(i.path, seen);
    return seen;
  };
  const gz = (files: Iterable<string>) =>
    [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(workingDir, f))).byteLength, 0);
  const inputs = (files: Iterable<string>) =>
    [...new Set([...files].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {})))].sort();
  const main = key('main.js');
  const initial = closure(main);
  const lazy = new Set<string>();
  for (const file of Object.keys(outputs))
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'dynamic-import') lazy.add(i.path);
  const lazyGzipKb: Record<string, number> = {};
  const lazyInputs: Record<string, readonly string[]> = {};
  for (const chunk of lazy) {
    const own = [...closure(chunk)].filter((f) => !initial.has(f));
    const name = path.basename(chunk).replace(/-[A-Z0-9]+\.js$/, '');
    lazyGzipKb[name] = kb(gz(own));
    lazyInputs[name] = inputs(own);
  }
  return {
    initialGzipKb: kb(gz(initial)),
    initialFiles: [...initial].map(rel).sort(),
    initialInputs: inputs(initial),
    lazyGzipKb,
    lazyInputs,
  };
}
