import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The Roboto faces pdfmake ships (Apache-2.0); the build copies them to functions/dist/fonts. */
export const fontFiles = [
  'Roboto-Regular.ttf',
  'Roboto-Medium.ttf',
  'Roboto-Italic.ttf',
  'Roboto-MediumItalic.ttf',
] as const;

/** Where the fonts are: beside the bundle in a deployment, in node_modules when run from source. */
function fontDirectory(): string {
  const candidates = [
    path.join(__dirname, 'fonts'),
    path.join(process.cwd(), 'node_modules/pdfmake/fonts/Roboto'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, fontFiles[0])));
  if (found === undefined)
    throw new PdfFontsMissingError(`PDF fonts not found in ${candidates.join(' or ')}`);
  return found;
}

let loaded: ReadonlyMap<string, Buffer> | undefined;

/** The font files' bytes, read once. */
export function fontBytes(): ReadonlyMap<string, Buffer> {
  if (loaded === undefined) {
    const dir = fontDirectory();
    loaded = new Map(fontFiles.map((f) => [f, readFileSync(path.join(dir, f))]));
  }
  return loaded;
}

/** The PDF fonts are not where the build puts them (a deployment without `dist/fonts`). */
export class PdfFontsMissingError extends Error {
  override readonly name = 'PdfFontsMissingError';
}
