/** A card builder was asked for something it cannot build. */
export class CardBuildError extends Error {
  override readonly name: string = 'CardBuildError';
}

/** A built card exceeds the size Teams accepts comfortably (80 KB recommended of 100 KB). */
export class CardTooLargeError extends CardBuildError {
  override readonly name = 'CardTooLargeError';
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`The card is ${bytes} bytes; cards must stay under ${limit} bytes.`);
  }
}
