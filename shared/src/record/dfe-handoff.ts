import type { DfeHandoff } from '../domain/events';
import type { CaseState } from '../domain/state';
import type { RecordedEvent } from './recorded-event';

/** The latest DfE handoff recorded on the case (ME-70), if any. */
export function latestHandoff(events: readonly RecordedEvent[]): DfeHandoff | undefined {
  let found: DfeHandoff | undefined;
  for (const e of events) if (e.event.type === 'DfeHandoffRecorded') found = e.event.handoff;
  return found;
}

const reasonLabels: Readonly<Record<string, string>> = {
  'lack-of-progress-during-placements': 'Lack of progress during placements',
  'not-meeting-qts-standards': 'Not meeting QTS standards',
  'safeguarding-concerns': 'Safeguarding concerns',
  'health-reasons': 'Health reasons',
  'personal-reasons': 'Personal reasons',
  other: 'Other',
};

/** The columns of the DfE handoff row, in order, with the Register wording (ME-70). */
export const dfeColumns = [
  'Case',
  'Provider',
  'Trainee',
  'Trainee email',
  'Route',
  'Subject',
  'Recommending board date',
  'Board decision',
  'DfE Register action',
  'Who chose to withdraw',
  'Reason',
  'Reason details',
  'Date',
  'Would consider teaching in future',
  'Recorded by',
  'Recorded at',
] as const;

/** One row a provider can enter in DfE Register: withdraw, defer, or nothing to enter. */
export function dfeRow(
  state: CaseState,
  providerName: string,
  h: DfeHandoff,
): Record<(typeof dfeColumns)[number], string> {
  const by = state.participants.find((p) => p.participantId === h.recordedBy)?.name ?? h.recordedBy;
  return {
    Case: state.caseId,
    Provider: providerName,
    Trainee: state.trainee.name,
    'Trainee email': state.trainee.email ?? '',
    Route: state.trainee.route,
    Subject: state.trainee.subject,
    'Recommending board date': h.boardDate,
    'Board decision': h.decision,
    'DfE Register action':
      h.decision === 'withdrawn' ? 'Withdraw' : h.decision === 'deferred' ? 'Defer' : 'None',
    'Who chose to withdraw': h.whoChose === 'provider' ? 'We (the provider)' : 'The trainee',
    Reason: reasonLabels[h.reasonCategory] ?? h.reasonCategory,
    'Reason details': h.reasonDetails,
    Date: h.effectiveDate,
    'Would consider teaching in future': h.wouldConsiderTeaching,
    'Recorded by': by,
    'Recorded at': h.recordedAt,
  };
}

/** RFC 4180 CSV of a header and rows (every field quoted; a leading = + - @ is neutralised). */
export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, string>>[],
): string {
  const quote = (v: string) => `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;
  return (
    [
      columns.map(quote).join(','),
      ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
