import type { IncomingMessage } from 'node:http';
import { maxBodyBytes } from '../http/body-limit';

/**
 * Reads a Node request body until the end or until more than `cap` bytes arrived; then stops
 * reading (pauses, detaches) and returns undefined. Nothing past the cap is buffered.
 */
export function readNodeBody(
  request: IncomingMessage,
  cap = maxBodyBytes,
): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let total = 0;
    const detach = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    function onData(chunk: Buffer) {
      total += chunk.byteLength;
      if (total <= cap) {
        parts.push(chunk);
        return;
      }
      detach();
      request.pause();
      resolve(undefined);
    }
    function onEnd() {
      detach();
      resolve(Buffer.concat(parts, total));
    }
    function onError(error: Error) {
      detach();
      reject(error);
    }
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

/** Bytes a rejected sender may still send (discarded) before we hang up. */
export const discardBudget = 8 * maxBodyBytes;

/**
 * After a 413, lets the client finish sending (discarding, never buffering) so it can read the
 * answer; a client that keeps sending past `budget` bytes or `ms` is disconnected.
 */
export function discardRest(request: IncomingMessage, budget = discardBudget, ms = 10_000): void {
  let discarded = 0;
  const timer = setTimeout(() => request.socket.destroy(), ms).unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > budget) request.socket.destroy();
  });
  request.once('end', () => {
    clearTimeout(timer);
  });
  request.once('close', () => {
    clearTimeout(timer);
  });
  request.resume();
}
