import type { TimerDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';

/**
 * Every minute: delivers effects pending for more than a minute (their queue message was lost,
 * or delivery failed part-way), found through the pending index, never by reading every case.
 */
export const outboxRedriveTimer: TimerDefinition = {
  name: 'outbox-redrive',
  schedule: '30 * * * * *',
  handler: async () => {
    const { relay, log } = runtime();
    if (relay === undefined) return;
    const driven = await relay.redrive(60_000);
    if (driven.length > 0)
      log.info(`Outbox re-drove ${String(driven.length)} case(s)`, { caseIds: driven });
  },
};
