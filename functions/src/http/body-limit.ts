import type { ReadableStream } from 'node:stream/web';
import { problem } from './problem';
import type { ApiResponse } from './route-types';

/** Largest request body any API route accepts (V2). */
export const maxBodyBytes = 256 * 1024;

/** True when a declared Content-Length already exceeds the cap: answer 413 without reading. */
export function declaredTooLarge(
  contentLength: string | null | undefined,
  cap = maxBodyBytes,
): boolean {
  if (contentLength === null || contentLength === undefined) return false;
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > cap;
}

/**
 * Reads chunks until the end or until more than `cap` bytes arrived; then it stops reading
 * (closing the iterator) and returns undefined, so nothing oversize is buffered or parsed.
 */
export async function readCapped(
  chunks: AsyncIterable<Uint8Array>,
  cap = maxBodyBytes,
): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > cap) return undefined;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

/** Adapts a web `ReadableStream` to an async iterable that cancels the stream when abandoned. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) await reader.cancel();
    reader.releaseLock();
  }
}

/** The 413 response for an oversize body. */
export function payloadTooLarge(cap = maxBodyBytes): ApiResponse {
  return problem(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${cap / 1024} KB.`);
}
