/** Structured log sink; never give it tokens or request bodies. */
export interface Logger {
  info(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn(message: string, data?: Readonly<Record<string, unknown>>): void;
  error(message: string, data?: Readonly<Record<string, unknown>>): void;
}

/** A logger writing one line per entry to the console. */
export const consoleLogger: Logger = {
  info: (message, data) => {
    console.log(message, data ?? '');
  },
  warn: (message, data) => {
    console.warn(message, data ?? '');
  },
  error: (message, data) => {
    console.error(message, data ?? '');
  },
};

/** A logger that discards everything (tests). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
