import { RestError } from '@azure/data-tables';
import { StorageRequestError, TransientStorageError } from './storage-errors';

/** What a failed storage call means: lost a race, outcome unknown, or refused for good. */
export type StorageFailure = 'conflict' | 'unknown' | 'rejected';

function statusOf(error: unknown): { readonly status: number | undefined } | undefined {
  if (error instanceof RestError) return { status: error.statusCode };
  if (error instanceof Error && error.name === 'AbortError') return { status: undefined };
  return undefined;
}

/**
 * Classifies an error from the Azure SDK (undefined: not a storage error, rethrow it as is).
 * A failed `$batch` arrives as a RestError carrying the failing sub-response's status.
 */
export function classifyFailure(error: unknown): StorageFailure | undefined {
  const known = statusOf(error);
  if (known === undefined) return undefined;
  const { status } = known;
  if (status === 409 || status === 412 || status === 404) return 'conflict';
  if (status === undefined || status === 408 || status === 429 || status >= 500) return 'unknown';
  return 'rejected';
}

/** Maps a failed read to our typed errors (non-storage errors pass through unchanged). */
export function toReadError(error: unknown, what: string): unknown {
  const failure = classifyFailure(error);
  if (failure === undefined) return error;
  if (failure === 'unknown') {
    return new TransientStorageError(`${what}: storage unavailable`, { cause: error });
  }
  const status = error instanceof RestError ? error.statusCode : undefined;
  return new StorageRequestError(status, `${what}: storage refused the request`, { cause: error });
}
