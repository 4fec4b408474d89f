/** Raised when calendar input is invalid or a counting day cannot be found. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}
