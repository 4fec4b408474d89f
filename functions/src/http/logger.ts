import { logLine, type LogLevel } from './log-record';

export type { LogLevel } from './log-record';

/** Structured log sink; never give it tokens or request bodies. */
export interface Logger {
  info(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn(message: string, data?: Readonly<Record<string, unknown>>): void;
  error(message: string, data?: Readonly<Record<string, unknown>>): void;
}

/** Where a JSON-line logger puts a finished line (no trailing newline) of the given level. */
export type LogLineWriter = (line: string, level: LogLevel) => void;

/** Options of `jsonLineLogger`. */
export interface JsonLineLoggerOptions {
  /** The clock for the `time` field (tests fix it). */
  readonly now?: () => Date;
}

/**
 * A logger writing exactly one JSON line per entry, `{time, level, message, ...data}`: control
 * characters and line separators escaped (no forged records), tokens, keys and signatures
 * redacted, errors reduced to name, message, code/status, stack and cause, never whole SDK
 * request or response objects (see `log-record.ts`). Logging never throws.
 */
export function jsonLineLogger(write: LogLineWriter, options: JsonLineLoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const entry =
    (level: LogLevel) =>
    (message: string, data?: Readonly<Record<string, unknown>>): void => {
      try {
        write(logLine(level, message, data, now()), level);
      } catch {
        // A failing sink (a closed stdout) must not fail the request being logged.
      }
    };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** A logger writing one JSON line per entry to the console: info to stdout, warn and error to stderr. */
export const consoleLogger: Logger = jsonLineLogger((line, level) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
});

/** A logger that discards everything (tests). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
