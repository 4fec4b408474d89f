import type { CaseEvent } from '../domain/events';

/** The key of the entry an event records or corrects, so a correction can name what it supersedes. */
export function entryKey(event: CaseEvent, instanceId: string | undefined): string | undefined {
  switch (event.type) {
    case 'ObservationRecorded':
      return `observation:${event.observation.observationId}`;
    case 'ReviewRecorded':
      return `review:${event.review.reviewId}`;
    case 'DutyCompleted':
      return `duty:${instanceId ?? ''}:${event.duty.dutyId}`;
    case 'FinalOutcomeRecorded':
      return `finalOutcome:${instanceId ?? ''}`;
    case 'MeetingHeld':
      return `meeting:${event.meetingId}`;
    case 'EntryCorrected': {
      const { kind, entryId, instanceId: at } = event.correction;
      if (kind === 'duty') return `duty:${at}:${entryId}`;
      if (kind === 'finalOutcome') return `finalOutcome:${at}`;
      return `${kind}:${entryId}`;
    }
    default:
      return undefined;
  }
}
