import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The text of a PDF as poppler's pdftotext extracts it (reading order, no layout), one page per form feed. */
export function pdfText(bytes: Uint8Array, layout = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync(
      'pdftotext',
      ['-nodiag', ...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'],
      { encoding: 'utf8' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The non-empty lines of extracted text, trimmed. */
export function pdfLines(bytes: Uint8Array): string[] {
  return pdfText(bytes)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
