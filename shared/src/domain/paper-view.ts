import { todayInUk } from '../calendar';
import type { StaffMember } from './context';
import type { FromPaper } from './paper-record';
import type { CaseState, StageInstance } from './state';

/** One entry of a stage run that was recorded from paper, as shown to people (issue 11 item 8). */
export interface PaperMark {
  readonly entry: 'stage' | 'meeting' | 'observation' | 'review' | 'signature';
  /** The entry's id (the stage run, meeting, observation or review id; the signer's participant id). */
  readonly id: string;
  /** The date it happened on paper. */
  readonly occurredOn: string;
  readonly enteredBy: string;
  readonly enteredByName: string;
  readonly enteredAt: string;
  /** "Recorded from paper by X on D". */
  readonly text: string;
}

function nameOf(state: CaseState, staff: readonly StaffMember[], by: string): string {
  const participant = state.participants.find((p) => p.participantId === by);
  if (participant !== undefined) return participant.name;
  const oid = by.startsWith('staff:') ? by.slice('staff:'.length) : by;
  return staff.find((s) => s.oid === oid)?.name ?? 'provider staff';
}

/** Every entry of the stage run recorded from paper, each with who entered it and when. */
export function paperMarks(
  state: CaseState,
  instance: StageInstance,
  staff: readonly StaffMember[],
): PaperMark[] {
  const found: [PaperMark['entry'], string, string, FromPaper | undefined][] = [
    ['stage', instance.instanceId, instance.startedOn, instance.fromPaper],
    ...instance.meetings.map((m): [PaperMark['entry'], string, string, FromPaper | undefined] => [
      'meeting',
      m.meetingId,
      todayInUk(new Date(m.start)),
      m.fromPaper,
    ]),
    ...instance.observations.map(
      (o): [PaperMark['entry'], string, string, FromPaper | undefined] => [
        'observation',
        o.observationId,
        o.date,
        o.fromPaper,
      ],
    ),
    ...instance.reviews.map((r): [PaperMark['entry'], string, string, FromPaper | undefined] => [
      'review',
      r.reviewId,
      r.heldOn,
      r.fromPaper,
    ]),
    ...instance.signatures.map((s): [PaperMark['entry'], string, string, FromPaper | undefined] => [
      'signature',
      s.participantId,
      todayInUk(new Date(s.signedAt)),
      s.fromPaper,
    ]),
  ];
  return found.flatMap(([entry, id, occurredOn, from]) => {
    if (from === undefined) return [];
    const enteredByName = nameOf(state, staff, from.enteredBy);
    const on = todayInUk(new Date(from.enteredAt));
    return [
      {
        entry,
        id,
        occurredOn,
        enteredBy: from.enteredBy,
        enteredByName,
        enteredAt: from.enteredAt,
        text: `Recorded from paper by ${enteredByName} on ${on}`,
      },
    ];
  });
}
