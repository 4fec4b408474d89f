import { z } from 'zod';
import type { CaseState } from '@shared/domain/state';
import { CorruptRowError } from '../infrastructure/tables/storage-errors';

// The state JSON is written only by this service; we check its envelope on the way back in so a
// row from another version or a hand edit fails loudly rather than deciding on garbage.
const envelope = z.looseObject({
  caseId: z.string(),
  providerId: z.string(),
  procedureId: z.string(),
  procedureVersion: z.string(),
  status: z.looseObject({ kind: z.enum(['open', 'closed']) }),
  participants: z.array(z.looseObject({ participantId: z.string(), role: z.string() })),
  completedStages: z.array(z.unknown()),
  concerns: z.array(z.unknown()),
});

/** Parses a snapshot's state read back from storage. */
export function readState(value: unknown, caseId: string): CaseState {
  const parsed = envelope.safeParse(value);
  if (!parsed.success || parsed.data.caseId !== caseId)
    throw new CorruptRowError(`case ${caseId} has an unreadable state`);
  return parsed.data as unknown as CaseState;
}
