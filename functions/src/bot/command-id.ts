import { createHash, randomUUID } from 'node:crypto';

/**
 * A stable command id for one user action: Teams re-sends the same activity (same id) when we
 * are slow, and the service applies a command id once (I1). Without an activity id there is
 * nothing stable to derive from, so the id is random (no replay protection to lose).
 */
export function commandIdFor(
  activityId: string | undefined,
  parts: readonly (string | number)[],
): string {
  if (activityId === undefined || activityId === '')
    return createHash('sha256').update(randomUUID()).digest('base64url');
  return createHash('sha256')
    .update(JSON.stringify([activityId, ...parts]))
    .digest('base64url');
}
