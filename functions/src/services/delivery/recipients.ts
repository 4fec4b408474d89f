import type { StaffMember } from '@shared/domain/context';
import type { CaseState, Meeting, Participant } from '@shared/domain/state';

/** A person Graph can reach: a mailbox in a tenant (object id when known, else the address). */
export interface GraphPerson {
  readonly participantId: string;
  readonly name: string;
  readonly tenantId: string | null;
  readonly objectId: string | null;
  readonly mail: string | null;
}

function fromParticipant(p: Participant): GraphPerson {
  return {
    participantId: p.participantId,
    name: p.name,
    tenantId: p.tid,
    objectId: p.oid,
    mail: p.email,
  };
}

/** A participant id, or `staff:{oid}` for provider-wide staff acting without a participant entry. */
export function personOf(
  state: CaseState,
  staff: readonly StaffMember[],
  id: string,
): GraphPerson | undefined {
  const participant = state.participants.find((p) => p.participantId === id);
  if (participant !== undefined) return fromParticipant(participant);
  if (!id.startsWith('staff:')) return undefined;
  const member = staff.find((s) => s.oid === id.slice('staff:'.length));
  return member === undefined
    ? undefined
    : {
        participantId: id,
        name: member.name,
        tenantId: member.tid,
        objectId: member.oid,
        mail: member.email,
      };
}

/** The mailbox id Graph addresses a person by (`/users/{id}`). */
export function mailboxId(person: GraphPerson): string | null {
  return person.objectId ?? person.mail;
}

/** A meeting anywhere in the case (current or completed stage). */
export function findMeeting(state: CaseState, meetingId: string): Meeting | undefined {
  const stages = [...(state.current === null ? [] : [state.current]), ...state.completedStages];
  for (const stage of stages) {
    const meeting = stage.meetings.find((m) => m.meetingId === meetingId);
    if (meeting !== undefined) return meeting;
  }
  return undefined;
}

/** The stage definition id of the stage a meeting belongs to. */
export function stageOfMeeting(state: CaseState, meetingId: string): string | undefined {
  const stages = [...(state.current === null ? [] : [state.current]), ...state.completedStages];
  return stages.find((s) => s.meetings.some((m) => m.meetingId === meetingId))?.stageId;
}
