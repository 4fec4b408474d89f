import type { ExponentialBackoffRetryOptions, TimerFunctionOptions } from '@azure/functions';
import { azureTimerHandler } from './azure-adapter';
import type { TimerDefinition } from './route-types';

/**
 * The retry policy of every timer: a failed invocation (e.g. a sweep that left cases unprocessed)
 * is retried at most 3 times with backoff, so at most 4 invocations per tick (I7).
 */
export const timerRetry: ExponentialBackoffRetryOptions = {
  strategy: 'exponentialBackoff',
  maxRetryCount: 3,
  minimumInterval: { seconds: 10 },
  maximumInterval: { minutes: 5 },
};

/**
 * The `app.timer` options for one timer. `runOnStartup` stays off (a restart or scale-out must
 * not fire extra runs) and `useMonitor` on (missed schedules are noticed after downtime, I5).
 */
export function timerOptions(timer: TimerDefinition): TimerFunctionOptions {
  return {
    schedule: timer.schedule,
    runOnStartup: false,
    useMonitor: true,
    retry: { ...timerRetry },
    handler: azureTimerHandler(timer),
  };
}
