import { ReadableStream } from 'node:stream/web';
import {
  declaredTooLarge,
  maxBodyBytes,
  readCapped,
  streamChunks,
} from '../../../../functions/src/http/body-limit';

const chunk = new Uint8Array(64 * 1024);

function mebibyte() {
  const pulled = { chunks: 0, closed: false };
  async function* source() {
    try {
      for (let i = 0; i < 16; i += 1) {
        pulled.chunks += 1;
        yield await Promise.resolve(chunk);
      }
    } finally {
      pulled.closed = true;
    }
  }
  return { pulled, chunks: source() };
}

describe('request body cap (V2)', () => {
  it('is 256 KB', () => {
    expect(maxBodyBytes).toBe(262_144);
  });

  it('stops reading a 1 MiB body just past the cap and closes the source', async () => {
    const { pulled, chunks } = mebibyte();
    await expect(readCapped(chunks)).resolves.toBeUndefined();
    expect(pulled.chunks).toBe(5);
    expect(pulled.closed).toBe(true);
  });

  it('returns a body at exactly the cap', async () => {
    async function* four() {
      for (let i = 0; i < 4; i += 1) yield await Promise.resolve(chunk);
    }
    expect((await readCapped(four()))?.byteLength).toBe(maxBodyBytes);
  });

  it('answers from Content-Length alone when it is declared too large', () => {
    expect(declaredTooLarge(String(1024 * 1024))).toBe(true);
    expect(declaredTooLarge(String(maxBodyBytes))).toBe(false);
    expect(declaredTooLarge(undefined)).toBe(false);
    expect(declaredTooLarge('nonsense')).toBe(false);
  });

  it('cancels a web stream it stops reading', async () => {
    let cancelled = false;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulls += 1;
        controller.enqueue(chunk);
      },
      cancel: () => {
        cancelled = true;
      },
    });
    await expect(readCapped(streamChunks(stream))).resolves.toBeUndefined();
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(10);
  });
});
