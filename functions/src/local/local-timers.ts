import { Cron } from 'croner';
import type { Logger } from '../http/logger';
import { parseSchedule } from '../http/route-table';
import type { TimerDefinition } from '../http/route-types';

/** Running local timers. */
export interface LocalTimers {
  stop(): void;
}

/** Fires each timer on its NCRONTAB schedule in UTC (croner, seconds first); overlapping runs are skipped. */
export function startTimers(timers: readonly TimerDefinition[], log: Logger): LocalTimers {
  const jobs = timers.map((timer) => {
    parseSchedule(timer.name, timer.schedule).stop();
    return new Cron(timer.schedule, { timezone: 'Etc/UTC', protect: true }, async () => {
      try {
        await timer.handler(new Date());
      } catch (error) {
        log.error(`Timer ${timer.name} failed`, { error });
      }
    });
  });
  return {
    stop: () => {
      for (const job of jobs) job.stop();
    },
  };
}
