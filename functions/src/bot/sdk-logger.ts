import type { AppOptions } from '@microsoft/teams.apps';
import type { Logger } from '../http/logger';

type SdkLogger = NonNullable<AppOptions<never>['logger']>;

function split(parts: unknown[]): [string, Record<string, unknown> | undefined] {
  const [first, ...rest] = parts;
  const message = typeof first === 'string' ? first : 'Teams SDK';
  const detail = typeof first === 'string' ? rest : parts;
  return [message, detail.length === 0 ? undefined : { detail }];
}

/**
 * The Teams SDK's logger on top of ours. Debug and trace are dropped: at those levels the SDK
 * logs whole inbound activities, and we never log request bodies.
 */
export function sdkLogger(log: Logger, name = 'teams'): SdkLogger {
  const prefixed = (parts: unknown[]) => {
    const [message, data] = split(parts);
    return [`[${name}] ${message}`, data] as const;
  };
  return {
    debug: () => undefined,
    trace: () => undefined,
    info: (...parts: unknown[]) => {
      log.info(...prefixed(parts));
    },
    warn: (...parts: unknown[]) => {
      log.warn(...prefixed(parts));
    },
    error: (...parts: unknown[]) => {
      log.error(...prefixed(parts));
    },
    log: (level, ...parts: unknown[]) => {
      if (level === 'error' || level === 'warn' || level === 'info') log[level](...prefixed(parts));
    },
    child: (child: string) => sdkLogger(log, `${name}/${child}`),
  };
}
