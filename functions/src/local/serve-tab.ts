import type { ServerResponse } from 'node:http';
import { tabResponse } from '../tab/tab-response';

/** Serves the built tab under `/tab/` over `node:http`: the same answers as Azure's `tab-get`. */
export async function serveTab(
  tabDir: string,
  method: string,
  url: URL,
  response: ServerResponse,
): Promise<void> {
  const answer = await tabResponse(tabDir, method, url.pathname, url.search);
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': answer.body?.byteLength ?? 0,
  });
  response.end(method === 'HEAD' ? undefined : answer.body);
}
