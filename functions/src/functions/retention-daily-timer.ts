import type { TimerDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';
import { RetentionRunIncompleteError } from '../services/retention';

/**
 * Daily at 02:30 UTC (a quiet hour in the UK): the retention erasure (UK GDPR storage
 * limitation, ME-69) for every provider, the same run a Director can start through
 * `POST /api/providers/{providerId}/retention-runs`, as the retention timer's identity. It is
 * idempotent (a second run finds nothing more to erase), so a replay or a retry is safe. A
 * provider that fails does not stop the others; if any failed, the failures are logged (ids and
 * error class only) and the invocation fails so the bounded retry policy runs (I7).
 */
export const retentionDailyTimer: TimerDefinition = {
  name: 'retention-daily',
  schedule: '0 30 2 * * *',
  handler: async () => {
    const { record, log } = runtime();
    const retention = record?.retention;
    if (retention === undefined) return;
    const { reports, failed } = await retention.runAll();
    for (const report of reports)
      if (report.erased.length > 0 || report.refused.length > 0)
        log.info(`Retention erased ${String(report.erased.length)} case(s)`, {
          providerId: report.providerId,
          erased: report.erased.map((t) => t.caseId),
          refused: report.refused.map((r) => r.caseId),
          kept: report.kept,
        });
    if (failed.length > 0) {
      log.error(`Retention could not run for ${String(failed.length)} provider(s)`, { failed });
      throw new RetentionRunIncompleteError(failed);
    }
  },
};
