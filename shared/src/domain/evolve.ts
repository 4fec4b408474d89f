import { reminderKey } from './due/due-kinds';
import { evolveDelivery, type DeliveryEvent } from './evolve-delivery';
import type { CaseEvent } from './events';
import { applyCorrection } from './evolve-correction';
import { overdueFlag } from './overdue-ladder';
import type { CaseState, StageInstance } from './state';

function withStage(state: CaseState, update: (stage: StageInstance) => StageInstance): CaseState {
  return state.current === null ? state : { ...state, current: update(state.current) };
}

function withPlan(
  state: CaseState,
  planVersion: number,
  update: (plan: StageInstance['plan']) => Omit<StageInstance['plan'], 'version'>,
): CaseState {
  return withStage(state, (s) => ({ ...s, plan: { ...update(s.plan), version: planVersion } }));
}

function newStage(event: Extract<CaseEvent, { type: 'StageStarted' }>): StageInstance {
  return {
    ...(event.fromPaper === undefined ? {} : { fromPaper: event.fromPaper }),
    instanceId: event.instanceId,
    stageId: event.stageId,
    entryId: event.entryId,
    startedOn: event.startedOn,
    startedAt: event.at,
    startedBy: event.by,
    reason: event.reason,
    plan: {
      version: 1,
      overview: event.overview,
      supportMeasures: '',
      targets: event.carried?.targets ?? [],
      reviewDate: event.carried?.reviewDate ?? null,
    },
    signatures: [],
    fullySignedVersion: null,
    meetings: [],
    observations: [],
    reviews: [],
    duties: [],
    finalOutcome: null,
    appeal: { status: 'not-informed' },
    overdueFlags: [],
    endedAt: null,
  };
}

/** Applies one event to a case (pure). `CaseOpened` must come first. */
export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    return {
      ...event.case,
      participants: [],
      concerns: [],
      status: { kind: 'open' },
      current: null,
      completedStages: [],
      comments: [],
      imp: [],
    };
  }
  if (state === null) return evolveNothing(event);
  switch (event.type) {
    case 'ParticipantAdded':
      return { ...state, participants: [...state.participants, event.participant] };
    case 'ParticipantRemoved':
      return {
        ...state,
        participants: state.participants.map((p) =>
          p.participantId === event.participantId ? { ...p, removedAt: event.at } : p,
        ),
      };
    case 'ParticipantLinked':
      return {
        ...state,
        participants: state.participants.map((p) =>
          p.participantId === event.participantId ? { ...p, tid: event.tid, oid: event.oid } : p,
        ),
      };
    case 'ConcernRaised':
      return { ...state, concerns: [...state.concerns, event.concern] };
    case 'ConcernAcknowledged':
      return {
        ...state,
        concerns: state.concerns.map((c) =>
          c.concernId === event.concernId
            ? { ...c, acknowledgedAt: event.at, acknowledgedBy: event.by }
            : c,
        ),
      };
    case 'StageStarted':
      return { ...state, current: newStage(event) };
    case 'StageEnded':
      return state.current === null
        ? state
        : {
            ...state,
            current: null,
            completedStages: [...state.completedStages, { ...state.current, endedAt: event.at }],
          };
    case 'PlanDetailsSet':
      return withPlan(state, event.planVersion, (p) => ({
        ...p,
        overview: event.overview,
        supportMeasures: event.supportMeasures,
      }));
    case 'TargetAdded':
      return withPlan(state, event.planVersion, (p) => ({
        ...p,
        targets: [...p.targets, event.target],
      }));
    case 'TargetUpdated':
      return withPlan(state, event.planVersion, (p) => ({
        ...p,
        targets: p.targets.map((t) => (t.targetId === event.target.targetId ? event.target : t)),
      }));
    case 'TargetRemoved':
      return withPlan(state, event.planVersion, (p) => ({
        ...p,
        targets: p.targets.filter((t) => t.targetId !== event.targetId),
      }));
    case 'ReviewDateSet':
      return withPlan(state, event.planVersion, (p) => ({ ...p, reviewDate: event.reviewDate }));
    case 'SignaturesVoided':
      return withStage(state, (s) => ({ ...s, signatures: [], fullySignedVersion: null }));
    case 'PlanSigned':
      return withStage(state, (s) => ({ ...s, signatures: [...s.signatures, event.signature] }));
    case 'PlanFullySigned':
      return withStage(state, (s) => ({ ...s, fullySignedVersion: event.planVersion }));
    case 'MeetingScheduled':
      return withStage(state, (s) => ({ ...s, meetings: [...s.meetings, event.meeting] }));
    case 'MeetingHeld':
      return withStage(state, (s) => ({
        ...s,
        meetings: s.meetings.map((m) =>
          m.meetingId === event.meetingId ? { ...m, status: 'held', notes: event.notes } : m,
        ),
      }));
    case 'MeetingCancelled':
      return withStage(state, (s) => ({
        ...s,
        meetings: s.meetings.map((m) =>
          m.meetingId === event.meetingId ? { ...m, status: 'cancelled', notes: event.reason } : m,
        ),
      }));
    case 'ObservationRecorded':
      return withStage(state, (s) => ({
        ...s,
        observations: [...s.observations, event.observation],
      }));
    case 'ReviewRecorded':
      return withStage(state, (s) => ({ ...s, reviews: [...s.reviews, event.review] }));
    case 'FinalOutcomeRecorded':
      return withStage(state, (s) => ({ ...s, finalOutcome: event.outcome }));
    case 'DutyCompleted':
      return withStage(state, (s) => ({ ...s, duties: [...s.duties, event.duty] }));
    case 'AppealRightInformed':
      return withStage(state, (s) => ({ ...s, appeal: { status: 'informed' } }));
    case 'AppealDecisionRecorded':
      return withStage(state, (s) => ({ ...s, appeal: { status: event.decision, at: event.at } }));
    case 'AppealOutcomeRecorded':
      return withStage(state, (s) => ({ ...s, appeal: { status: event.outcome, at: event.at } }));
    case 'ReviewOverdueFlagged':
      return withStage(state, (s) => ({
        ...s,
        overdueFlags: [...s.overdueFlags, overdueFlag(event.dueDate, event.rung)],
      }));
    case 'TimedReminderIssued':
      return {
        ...state,
        remindersIssued: [
          ...(state.remindersIssued ?? []),
          reminderKey(event.kind, event.occurrence),
        ],
      };
    case 'ReviewWindowChanged':
      return state; // the window is recounted from the settings; the event keeps the change on the record
    case 'CommentAdded':
      return { ...state, comments: [...state.comments, event.comment] };
    case 'ImpRecorded':
      return { ...state, imp: [...state.imp, event.record] };
    case 'DfeHandoffRecorded':
      return state; // kept in the record only (shared/src/record/dfe-handoff.ts)
    case 'EntryCorrected':
      return applyCorrection(state, event);
    case 'MeetingInvitationSent':
    case 'MeetingCancellationSent':
    case 'ReviewReminderSent':
    case 'ReviewReminderCancelled':
    case 'NotificationDelivered':
    case 'EffectFailed':
    case 'EffectRetried':
      return evolveDelivery(state, event satisfies DeliveryEvent);
    case 'CaseClosed': {
      const ended =
        state.current === null
          ? state
          : evolve(state, {
              type: 'StageEnded',
              instanceId: state.current.instanceId,
              at: event.at,
            });
      return {
        ...ended,
        status: {
          kind: 'closed',
          outcomeId: event.outcomeId,
          outcomeLabel: event.outcomeLabel,
          closedAt: event.at,
          notes: event.notes,
        },
      };
    }
  }
}

function evolveNothing(event: CaseEvent): never {
  throw new EvolveError(`${event.type} cannot be applied before CaseOpened`);
}

/** Raised when an event stream is malformed (a programming error, never user input). */
export class EvolveError extends Error {
  override readonly name = 'EvolveError';
}

/** Folds a whole event stream into a case. */
export function fold(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>((state, event) => evolve(state, event), null);
}
