/** Base class of every error the table layer throws on purpose. */
export abstract class TableStorageError extends Error {
  abstract override readonly name: string;
}

/** A transaction broke an entity-group-transaction rule; nothing was sent. */
export class TransactionGuardError extends TableStorageError {
  override readonly name: string = 'TransactionGuardError';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(`${rule}: ${message}`);
  }
}

/** A write without a real ETag (missing or `*`) would be last-writer-wins; refused before sending. */
export class UnconditionalWriteError extends TransactionGuardError {
  override readonly name: string = 'UnconditionalWriteError';
}

/** The caller asked the store for something it cannot represent (bad id, reserved column...). */
export class StoreInputError extends TableStorageError {
  override readonly name: string = 'StoreInputError';
}

/** A JSON value is too large to be stored across the chunk properties of one row. */
export class ChunkedJsonTooLargeError extends TableStorageError {
  override readonly name: string = 'ChunkedJsonTooLargeError';
  constructor(
    readonly chars: number,
    readonly maxChars: number,
  ) {
    super(`JSON of ${chars} characters exceeds the ${maxChars}-character limit of one row`);
  }
}

/** A stored row does not have the shape this code writes (missing chunk, bad JSON...). */
export class CorruptRowError extends TableStorageError {
  override readonly name: string = 'CorruptRowError';
}

/** Storage unavailable; the command did not commit or is unconfirmed: retry the same commandId. */
export class TransientStorageError extends TableStorageError {
  override readonly name: string = 'TransientStorageError';
}

/** Storage refused the request for a reason retrying will not fix. */
export class StorageRequestError extends TableStorageError {
  override readonly name: string = 'StorageRequestError';
  constructor(
    readonly statusCode: number | undefined,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A plain-http endpoint that is not loopback: tables must be reached over https. */
export class InsecureEndpointError extends TableStorageError {
  override readonly name: string = 'InsecureEndpointError';
}
