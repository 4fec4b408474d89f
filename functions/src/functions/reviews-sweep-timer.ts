import type { TimerDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';
import { ReviewSweepIncompleteError } from '../services/review-sweep';

/**
 * Every 15 minutes (UTC; UK dates are computed in code): escalate overdue reviews once each.
 * At-least-once delivery is safe: the sweep is idempotent per stage run and due date (I2, I5).
 * A case that fails does not stop the others (I6); if any failed, the failures are logged (ids
 * and error class only) and the invocation fails so the bounded retry policy runs (I7).
 */
export const reviewsSweepTimer: TimerDefinition = {
  name: 'reviews-sweep',
  schedule: '0 */15 * * * *',
  handler: async () => {
    const { sweep, log } = runtime();
    if (sweep === undefined) return;
    const { escalated, failed } = await sweep.run();
    if (escalated.length > 0)
      log.info(`Review sweep escalated ${String(escalated.length)} case(s)`, {
        caseIds: escalated,
      });
    if (failed.length > 0) {
      log.error(`Review sweep could not process ${String(failed.length)} case(s)`, {
        failures: failed.map(({ providerId, caseId, kind }) => ({ providerId, caseId, kind })),
      });
      throw new ReviewSweepIncompleteError(failed);
    }
  },
};
