import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static file to send. */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

// A path that cannot name a file here: missing, through a file (`index.html/x`), too long, a
// directory, or otherwise not a valid name. Each is "not found" (issue 8 item 4), never a 500.
const notAFile = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR', 'EINVAL', 'ELOOP']);

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch (error) {
    if (notAFile.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/** Reads `relative` under `root` (a folder path serves its index.html); never outside `root`. */
export async function readStaticFile(
  root: string,
  relative: string,
): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  if (decoded.includes('\0')) return undefined;
  const base = path.resolve(root);
  let file = path.resolve(base, `.${path.posix.sep}${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  if (decoded === '' || decoded.endsWith('/')) file = path.join(file, 'index.html');
  const body = await readIfFile(file);
  if (body === undefined) return undefined;
  const contentType = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { body, contentType };
}
