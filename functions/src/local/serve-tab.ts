import type { ServerResponse } from 'node:http';
import { tabSecurityHeaders } from '../http/security-headers';
import { readStaticFile } from './static-files';

/** Serves the built tab under `/tab/` with its CSP (frame-ancestors) and nosniff headers. */
export async function serveTab(
  tabDir: string,
  method: string,
  pathname: string,
  response: ServerResponse,
): Promise<void> {
  if (pathname === '/tab') {
    response.writeHead(308, { ...tabSecurityHeaders, location: '/tab/' });
    response.end();
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, {
      ...tabSecurityHeaders,
      allow: 'GET, HEAD',
      'content-type': 'text/plain; charset=utf-8',
    });
    response.end('Method not allowed');
    return;
  }
  let file: Awaited<ReturnType<typeof readStaticFile>>;
  try {
    file = await readStaticFile(tabDir, pathname.slice('/tab/'.length));
  } catch {
    // Anything else the file system says: still an answer with the tab's headers.
    response.writeHead(500, { ...tabSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    response.end('The tab could not be read.');
    return;
  }
  if (file === undefined) {
    response.writeHead(404, { ...tabSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, { ...tabSecurityHeaders, 'content-type': file.contentType });
  response.end(method === 'HEAD' ? undefined : file.body);
}
