import { appRouteTable } from '../../../../functions/src/http/routes';
import { timerOptions } from '../../../../functions/src/http/timer-options';

describe('timer registration options', () => {
  const timers = appRouteTable().timers;

  it('registers at least the review sweep', () => {
    expect(timers.map((t) => t.name)).toContain('reviews-sweep');
  });

  it.each(timers.map((t) => [t.name, t] as const))(
    'I5: %s does not run on start-up and uses the schedule monitor (missed ticks are caught up)',
    (_name, timer) => {
      const options = timerOptions(timer);
      expect(options.schedule).toBe(timer.schedule);
      expect(options.runOnStartup).toBe(false);
      expect(options.useMonitor).toBe(true);
      expect(typeof options.handler).toBe('function');
    },
  );

  it.each(timers.map((t) => [t.name, t] as const))(
    'I7: %s retries a failed invocation with exponential backoff, at most 3 times',
    (_name, timer) => {
      const retry = timerOptions(timer).retry;
      expect(retry?.strategy).toBe('exponentialBackoff');
      if (retry?.strategy !== 'exponentialBackoff') return;
      expect(retry.maxRetryCount).toBeGreaterThanOrEqual(1);
      expect(retry.maxRetryCount).toBeLessThanOrEqual(3);
      expect(retry.minimumInterval).toBeDefined();
      expect(retry.maximumInterval).toBeDefined();
    },
  );
});
