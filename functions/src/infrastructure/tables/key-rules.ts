import { TransactionGuardError } from './storage-errors';

/** Most characters of a PartitionKey or RowKey (1 KiB of UTF-16; also Azurite's limit). */
export const MAX_KEY_CHARS = 512;

function isForbiddenKeyChar(code: number): boolean {
  return (
    code <= 0x1f || (code >= 0x7f && code <= 0x9f) || '/\\#?'.includes(String.fromCharCode(code))
  );
}

/** Throws unless `key` is a usable PartitionKey/RowKey (non-empty, short, no / \ # ? or controls). */
export function assertValidKey(kind: string, key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_CHARS) {
    throw new TransactionGuardError('key', `${kind} must have 1..${MAX_KEY_CHARS} characters`);
  }
  for (let i = 0; i < key.length; i += 1) {
    if (isForbiddenKeyChar(key.charCodeAt(i))) {
      const shown = JSON.stringify(key);
      throw new TransactionGuardError('key', `${kind} ${shown} has a forbidden character`);
    }
  }
}
