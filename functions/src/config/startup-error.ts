/** The process must not start: configuration is missing, malformed or unsafe. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
