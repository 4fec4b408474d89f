import { tabSecurityHeaders } from '../http/security-headers';
import { readStaticFile } from './static-files';

/** One answer of the tab's file server: the same in Azure (`tab-get`) and in `npm start`. */
export interface TabResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Absent for redirects and 405; present for HEAD too (its length), which hosts do not send. */
  readonly body?: Buffer;
}

/**
 * Pages without a file extension in their address (the manifest's `privacyUrl` and
 * `termsOfUseUrl`), mapped onto the files the build renders (`scripts/legal/`).
 */
const tabPages: Readonly<Record<string, string>> = {
  privacy: 'privacy.html',
  'privacy/': 'privacy.html',
  terms: 'terms.html',
  'terms/': 'terms.html',
};

/** Hashed chunk names never change content, so the browser may keep them; nothing else is cached. */
const immutable = 'public, max-age=31536000, immutable';

const text = (status: number, message: string, extra: Record<string, string> = {}) => ({
  status,
  headers: { ...tabSecurityHeaders, 'content-type': 'text/plain; charset=utf-8', ...extra },
  body: Buffer.from(message),
});

/**
 * Answers `GET|HEAD /tab/...` from the built tab in `tabDir`: `/tab` redirects to `/tab/`
 * (keeping the query), the privacy and terms pages by their manifest addresses, then any file
 * under the folder (never outside it). Every answer carries the tab's CSP and nosniff.
 */
export async function tabResponse(
  tabDir: string,
  method: string,
  pathname: string,
  search = '',
): Promise<TabResponse> {
  if (pathname === '/tab') {
    return { status: 308, headers: { ...tabSecurityHeaders, location: `/tab/${search}` } };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return { ...text(405, 'Method not allowed', { allow: 'GET, HEAD' }), body: undefined };
  }
  const relative = pathname.slice('/tab/'.length);
  let file: Awaited<ReturnType<typeof readStaticFile>>;
  try {
    file = await readStaticFile(tabDir, tabPages[relative] ?? relative);
  } catch {
    // Anything else the file system says: still an answer with the tab's headers.
    return text(500, 'The tab could not be read.');
  }
  if (file === undefined) return text(404, 'Not found');
  const headers: Record<string, string> = {
    ...tabSecurityHeaders,
    'content-type': file.contentType,
  };
  if (relative.startsWith('chunks/')) headers['cache-control'] = immutable;
  return {
    status: 200,
    headers,
    body: file.body,
  };
}
