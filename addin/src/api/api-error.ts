/** An API call failed; the message is fit to show the user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}
