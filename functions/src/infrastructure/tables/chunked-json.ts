import { ChunkedJsonTooLargeError, CorruptRowError } from './storage-errors';

/** Characters per chunk property; below the 32,768 UTF-16 units a string property may hold. */
export const CHUNK_CHARS = 30_000;
/** Largest JSON text one row may carry across its chunks. */
export const MAX_CHUNKED_CHARS = 900_000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Splits `json` into `{prefix}_0..{prefix}_n` properties, never cutting a surrogate pair. */
export function toChunks(prefix: string, json: string): Record<string, string> {
  if (json.length > MAX_CHUNKED_CHARS) {
    throw new ChunkedJsonTooLargeError(json.length, MAX_CHUNKED_CHARS);
  }
  const chunks: Record<string, string> = {};
  let start = 0;
  let index = 0;
  do {
    let end = Math.min(start + CHUNK_CHARS, json.length);
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    chunks[`${prefix}_${index}`] = json.slice(start, end);
    start = end;
    index += 1;
  } while (start < json.length);
  return chunks;
}

/** Reassembles the JSON text written by `toChunks` from an entity's properties. */
export function fromChunks(prefix: string, entity: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (let index = 0; ; index += 1) {
    const part = entity[`${prefix}_${index}`];
    if (typeof part !== 'string') break;
    parts.push(part);
  }
  if (parts.length === 0) throw new CorruptRowError(`row has no ${prefix}_0 property`);
  return parts.join('');
}

/** True when `name` is one of the chunk properties of `prefix`. */
export function isChunkProperty(prefix: string, name: string): boolean {
  return name.startsWith(`${prefix}_`) && /^\d+$/.test(name.slice(prefix.length + 1));
}
