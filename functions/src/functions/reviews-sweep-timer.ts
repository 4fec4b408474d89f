import type { TimerDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';

/**
 * Every 15 minutes (UTC; UK dates are computed in code): escalate overdue reviews once each.
 * At-least-once delivery is safe: the sweep is idempotent per stage run and due date (I2, I5).
 */
export const reviewsSweepTimer: TimerDefinition = {
  name: 'reviews-sweep',
  schedule: '0 */15 * * * *',
  handler: async () => {
    const { sweep, log } = runtime();
    if (sweep === undefined) return;
    const flagged = await sweep.run();
    if (flagged.length > 0) log.info(`Review sweep escalated ${String(flagged.length)} case(s)`);
  },
};
