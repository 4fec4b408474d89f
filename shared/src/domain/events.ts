import type { DeliveryChannel } from './delivery';
import type { Effect } from './effects';
import type { FromPaper } from './paper-record';
import type {
  CaseState,
  Comment,
  Concern,
  DutyRecord,
  FinalOutcome,
  ImpRecord,
  Meeting,
  Observation,
  Participant,
  Review,
  Signature,
  Target,
} from './state';
import type { WindowChange } from './window-change';
import type { TimedReminderKind } from './due/due-kinds';

/** The DfE handoff as recorded (ME-70); the latest recorded one is the one to enter in Register. */
export interface DfeHandoff {
  readonly boardDate: string;
  readonly decision: 'withdrawn' | 'deferred' | 'not-confirmed';
  readonly whoChose: 'provider' | 'trainee';
  readonly reasonCategory: string;
  readonly reasonDetails: string;
  readonly effectiveDate: string;
  readonly wouldConsiderTeaching: 'yes' | 'no' | 'not-asked';
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** What a correction can supersede (issue 12: corrections, never erasure). */
export type CorrectionKind = 'observation' | 'review' | 'duty' | 'finalOutcome' | 'meeting';

/** The corrected entry, or (for a duty recorded in error) its withdrawal. */
export type CorrectionReplacement =
  | { readonly kind: 'observation'; readonly observation: Observation }
  | { readonly kind: 'review'; readonly review: Review }
  | { readonly kind: 'duty'; readonly done: false }
  | { readonly kind: 'finalOutcome'; readonly outcome: FinalOutcome }
  | {
      readonly kind: 'meeting';
      readonly status: 'scheduled' | 'held';
      readonly notes: string | null;
    };

/** Everything that can happen to a case, in the past tense. State is a fold of these. */
export type CaseEvent =
  | {
      readonly type: 'CaseOpened';
      readonly case: Omit<
        CaseState,
        'participants' | 'concerns' | 'status' | 'current' | 'completedStages' | 'comments' | 'imp'
      >;
    }
  | { readonly type: 'ParticipantAdded'; readonly participant: Participant }
  | { readonly type: 'ParticipantRemoved'; readonly participantId: string; readonly at: string }
  /** An invited person (named by email, no Entra ids) signed in with that address (item 9). */
  | {
      readonly type: 'ParticipantLinked';
      readonly participantId: string;
      readonly tid: string;
      readonly oid: string;
      readonly at: string;
    }
  | { readonly type: 'ConcernRaised'; readonly concern: Concern }
  /** The course tutor acknowledged a concern raised at the school (ME-05). */
  | {
      readonly type: 'ConcernAcknowledged';
      readonly concernId: string;
      readonly by: string;
      readonly at: string;
    }
  | {
      readonly type: 'StageStarted';
      readonly instanceId: string;
      readonly stageId: string;
      readonly entryId: string;
      readonly startedOn: string;
      readonly at: string;
      readonly by: string;
      readonly reason: string;
      readonly overview: string;
      /** Targets and review date carried from the previous stage (a final review of them). */
      readonly carried: {
        readonly targets: readonly Target[];
        readonly reviewDate: string | null;
      } | null;
      /** Set when the stage is entered from paper records with its real start date (item 8). */
      readonly fromPaper?: FromPaper;
    }
  | { readonly type: 'StageEnded'; readonly instanceId: string; readonly at: string }
  | {
      readonly type: 'PlanDetailsSet';
      readonly overview: string;
      readonly supportMeasures: string;
      readonly planVersion: number;
    }
  | { readonly type: 'TargetAdded'; readonly target: Target; readonly planVersion: number }
  | { readonly type: 'TargetUpdated'; readonly target: Target; readonly planVersion: number }
  | { readonly type: 'TargetRemoved'; readonly targetId: string; readonly planVersion: number }
  | { readonly type: 'ReviewDateSet'; readonly reviewDate: string; readonly planVersion: number }
  | { readonly type: 'SignaturesVoided'; readonly planVersion: number; readonly count: number }
  | { readonly type: 'PlanSigned'; readonly signature: Signature }
  | { readonly type: 'PlanFullySigned'; readonly planVersion: number; readonly at: string }
  | { readonly type: 'MeetingScheduled'; readonly meeting: Meeting }
  | { readonly type: 'MeetingHeld'; readonly meetingId: string; readonly notes: string }
  | { readonly type: 'MeetingCancelled'; readonly meetingId: string; readonly reason: string }
  | { readonly type: 'ObservationRecorded'; readonly observation: Observation }
  | { readonly type: 'ReviewRecorded'; readonly review: Review }
  | { readonly type: 'FinalOutcomeRecorded'; readonly outcome: FinalOutcome }
  | { readonly type: 'DutyCompleted'; readonly duty: DutyRecord }
  | { readonly type: 'AppealRightInformed'; readonly at: string }
  | {
      readonly type: 'AppealDecisionRecorded';
      readonly decision: 'declined' | 'lodged';
      readonly at: string;
    }
  | {
      readonly type: 'AppealOutcomeRecorded';
      readonly outcome: 'upheld' | 'dismissed';
      readonly at: string;
    }
  | {
      readonly type: 'ReviewOverdueFlagged';
      readonly instanceId: string;
      readonly dueDate: string;
      readonly at: string;
      /** The ladder rung reached (absent: the first). */
      readonly rung?: number;
    }
  /**
   * A timed reminder from the due-date index was issued (issue 9 §3, ADR 0011): the sweep
   * recorded it once per (kind, occurrence), with the notify effect that tells its people.
   */
  | {
      readonly type: 'TimedReminderIssued';
      readonly kind: TimedReminderKind;
      readonly occurrence: string;
      readonly dueOn: string;
      readonly recipients: readonly string[];
      readonly at: string;
    }
  /** The provider's settings changed and moved the current stage's review window (item 11). */
  | {
      readonly type: 'ReviewWindowChanged';
      readonly change: WindowChange;
      readonly at: string;
    }
  | { readonly type: 'CommentAdded'; readonly comment: Comment }
  | { readonly type: 'ImpRecorded'; readonly record: ImpRecord }
  /** The relay put the meeting in the organiser's calendar; Graph sent the invitations (BF-05, ME-43). */
  | {
      readonly type: 'MeetingInvitationSent';
      readonly effectId: string;
      readonly meetingId: string;
      readonly graphEventId: string;
      readonly joinUrl: string | null;
      /** Participant ids invited (never their addresses). */
      readonly attendees: readonly string[];
      readonly at: string;
    }
  /** The relay put (or moved) the review reminder in the reviewers' calendars (issue 9 §3). */
  | {
      readonly type: 'ReviewReminderSent';
      readonly effectId: string;
      readonly instanceId: string;
      readonly graphEventId: string;
      readonly reviewDate: string;
      readonly at: string;
    }
  | {
      readonly type: 'ReviewReminderCancelled';
      readonly effectId: string;
      readonly instanceId: string;
      readonly at: string;
    }
  | {
      readonly type: 'MeetingCancellationSent';
      readonly effectId: string;
      readonly meetingId: string;
      readonly at: string;
    }
  | {
      readonly type: 'NotificationDelivered';
      readonly effectId: string;
      readonly template: string;
      readonly recipient: string;
      readonly channel: DeliveryChannel;
      readonly at: string;
    }
  | {
      readonly type: 'EffectFailed';
      readonly effectId: string;
      readonly kind: string;
      readonly meetingId: string | null;
      readonly reason: string;
      readonly effect: Effect;
      readonly at: string;
    }
  | { readonly type: 'EffectRetried'; readonly effectId: string; readonly at: string }
  | { readonly type: 'DfeHandoffRecorded'; readonly handoff: DfeHandoff }
  | {
      readonly type: 'EntryCorrected';
      /** What was corrected and why; the superseded entry stays in the history. */
      readonly correction: {
        readonly kind: CorrectionKind;
        readonly entryId: string;
        readonly instanceId: string;
        readonly reason: string;
      };
      readonly replacement: CorrectionReplacement;
      /** The plan's new version when the correction voided its signatures, else null. */
      readonly planVersion: number | null;
    }
  | {
      readonly type: 'CaseClosed';
      readonly outcomeId: string;
      readonly outcomeLabel: string;
      readonly at: string;
      readonly notes: string;
    };

/** The name of an event type. */
export type CaseEventType = CaseEvent['type'];
