import type { Effect } from './effects';
import type { FromPaper } from './paper-record';
import type { Role } from './roles';

/** A person named in a case, with one role. The same person may hold two entries. */
export interface Participant {
  readonly participantId: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string | null;
  readonly tid: string | null;
  readonly oid: string | null;
  readonly addedAt: string;
  readonly removedAt: string | null;
}

/** A concern raised about the trainee. */
export interface Concern {
  readonly concernId: string;
  readonly raisedBy: string;
  readonly raisedByRole: Role;
  readonly raisedAt: string;
  readonly category: string;
  readonly description: string;
  readonly evidence: string | null;
  readonly source: {
    readonly kind: 'teams-message' | 'tab' | 'api';
    readonly url: string | null;
    readonly author: string | null;
  } | null;
  readonly seriousIncident: boolean;
  /** Special category data (health): kept out of chat, calendars and notifications. */
  readonly specialCategory: boolean;
  /** When and by whom the course tutor's contact was acknowledged (ME-05); absent: not yet. */
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: string;
}

/** A target on a support plan (SMART or SHARP). */
export interface Target {
  readonly targetId: string;
  readonly text: string;
  readonly actions: readonly string[];
  readonly indicators: readonly string[];
  readonly monitoring: string;
  readonly successCriteria: string;
}

/** The plan of the current stage. Its version changes whenever its content changes. */
export interface Plan {
  readonly version: number;
  readonly overview: string;
  readonly supportMeasures: string;
  readonly targets: readonly Target[];
  readonly reviewDate: string | null;
}

/** A typed signature on one exact plan version. */
export interface Signature {
  readonly participantId: string;
  readonly role: Role;
  readonly typedFullName: string;
  readonly tid: string;
  readonly oid: string;
  readonly signedAt: string;
  readonly planVersion: number;
  readonly planHash: string;
  /** Entered later from the provider's paper records: who entered it, and when (issue 11 item 8). */
  readonly fromPaper?: FromPaper;
}

/** The calendar event that reminds the reviewers of the review date (issue 9 §3). */
export interface ReviewReminder {
  readonly graphEventId: string;
  readonly reviewDate: string;
  readonly status: 'sent' | 'cancelled';
  readonly at: string;
}

/** A meeting scheduled or held for a stage. */
export interface Meeting {
  readonly meetingId: string;
  readonly definitionId: string;
  readonly start: string;
  readonly durationMinutes: number;
  readonly online: boolean;
  readonly attendees: readonly string[];
  readonly scheduledBy: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly notes: string | null;
  /** What the calendar delivery did (absent until the relay reports). */
  readonly invitation?: MeetingInvitation;
  /** Entered later from the provider's paper records: who entered it, and when (issue 11 item 8). */
  readonly fromPaper?: FromPaper;
}

/** The calendar side of a meeting, as the outbox relay reported it. */
export interface MeetingInvitation {
  readonly status: 'sent' | 'failed' | 'cancellation-sent';
  readonly graphEventId: string | null;
  readonly joinUrl: string | null;
  /** Why the last delivery failed ("invitation not sent: <reason>"). */
  readonly failure: string | null;
  readonly at: string;
}

/** An effect the relay gave up on; a retry command re-issues it. */
export interface DeliveryFailure {
  readonly effectId: string;
  readonly kind: string;
  readonly meetingId: string | null;
  readonly reason: string;
  readonly at: string;
  readonly effect: Effect;
}

/** A lesson observation. */
export interface Observation {
  readonly observationId: string;
  readonly definitionId: string | null;
  readonly date: string;
  readonly observers: readonly string[];
  readonly notes: string;
  readonly recordedBy: string;
  /** Set when it was not on the agreed date (BF-10): flagged, with the reason given. */
  readonly departure?: DateDeparture;
  /** Entered later from the provider's paper records: who entered it, and when (issue 11 item 8). */
  readonly fromPaper?: FromPaper;
}

/** A departure from the agreed date (BF-10), kept visible on the record. */
export interface DateDeparture {
  /** The agreed date, or null when none had been agreed (BF-08). */
  readonly agreedDate: string | null;
  readonly reason: string | null;
  readonly rules: readonly string[];
}

/** The outcome for one target at a review. */
export interface TargetOutcome {
  readonly targetId: string;
  readonly met: boolean;
  readonly evidence: string;
}

/** A review of the stage's targets. */
export interface Review {
  readonly reviewId: string;
  readonly heldOn: string;
  readonly recordedBy: string;
  readonly planVersion: number;
  readonly outcomes: readonly TargetOutcome[];
  readonly allMet: boolean;
  readonly notes: string;
  /** Set when it was not held on the agreed date (BF-10). */
  readonly departure?: DateDeparture;
  /** Entered later from the provider's paper records: who entered it, and when (issue 11 item 8). */
  readonly fromPaper?: FromPaper;
}

/** The agreed final outcome at a final review (ME-61, ME-62). */
export interface FinalOutcome {
  readonly progress: 'sufficient' | 'insufficient';
  readonly basis: 'unlikely-to-progress' | 'serious-negative-impact' | null;
  readonly agreedBy: readonly string[];
  readonly recordedBy: string;
  readonly notes: string;
  /** Present when the outcome departs from the latest review: which review, and the recorded reason (ME-60). */
  readonly againstLatestReview?: { readonly reviewId: string; readonly reason: string };
}

/** A duty done. */
export interface DutyRecord {
  readonly dutyId: string;
  readonly by: string;
  readonly at: string;
  readonly notes: string;
}

/** The trainee's appeal, where a stage offers one. */
export type AppealState =
  | { readonly status: 'not-informed' }
  | { readonly status: 'informed' }
  | { readonly status: 'declined'; readonly at: string }
  | { readonly status: 'lodged'; readonly at: string }
  | { readonly status: 'upheld' | 'dismissed'; readonly at: string };

/** One run of a stage. */
export interface StageInstance {
  readonly instanceId: string;
  readonly stageId: string;
  readonly entryId: string;
  readonly startedOn: string;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly reason: string;
  readonly plan: Plan;
  readonly signatures: readonly Signature[];
  readonly fullySignedVersion: number | null;
  readonly meetings: readonly Meeting[];
  readonly observations: readonly Observation[];
  /** The review-date reminder in the reviewers' calendars (absent until the relay reports). */
  readonly reviewReminder?: ReviewReminder;
  readonly reviews: readonly Review[];
  readonly duties: readonly DutyRecord[];
  readonly finalOutcome: FinalOutcome | null;
  readonly appeal: AppealState;
  /** Review due dates already escalated as overdue (once each). */
  readonly overdueFlags: readonly string[];
  readonly endedAt: string | null;
  /** Entered later from the provider's paper records: who entered it, and when (issue 11 item 8). */
  readonly fromPaper?: FromPaper;
}

/** A comment or statement on the record. Staff-only notes are never shown to the trainee. */
export interface Comment {
  readonly commentId: string;
  readonly by: string;
  readonly at: string;
  readonly text: string;
  readonly visibility: 'all' | 'staff';
}

/** A recorded IMP progress point and what its triggers proposed. */
export interface ImpRecord {
  readonly impId: string;
  readonly pointId: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly grades: readonly {
    readonly indicator: string;
    readonly grade: string;
    readonly placement: 'A' | 'B' | null;
  }[];
  readonly partTwoMet: boolean;
  readonly coreValues: readonly string[];
  readonly standardsMetInFull: boolean | null;
  readonly fired: readonly {
    readonly triggerId: string;
    readonly label: string;
    readonly recommendation: string;
    readonly rules: readonly string[];
  }[];
  readonly notes: readonly string[];
  /** Every trigger and expectation evaluated (ME-71..78); absent on records made before they were. */
  readonly results?: readonly ImpResultRecord[];
}

/** One evaluated IMP trigger or expectation, with its rule. */
export interface ImpResultRecord {
  readonly id: string;
  readonly label: string;
  readonly kind: 'trigger' | 'warning' | 'note';
  readonly outcome: 'raised' | 'clear';
  readonly recommendation: string | null;
  readonly rules: readonly string[];
}

/** Where the case stands. Closed is terminal. */
export type CaseStatus =
  | { readonly kind: 'open' }
  | {
      readonly kind: 'closed';
      readonly outcomeId: string;
      readonly outcomeLabel: string;
      readonly closedAt: string;
      readonly notes: string;
    };

/** The trainee. */
export interface Trainee {
  readonly name: string;
  readonly email: string | null;
  readonly tid: string | null;
  readonly oid: string | null;
  readonly route: 'primary' | 'early-primary' | 'secondary';
  readonly subject: string;
  readonly school: string;
  readonly placement: string;
}

/** The whole case: a fold of its events. */
export interface CaseState {
  readonly caseId: string;
  readonly providerId: string;
  readonly procedureId: string;
  readonly procedureVersion: string;
  readonly openedAt: string;
  readonly openedBy: string;
  /** The date the case was opened on paper, when it was moved in mid-year (issue 11 item 8). */
  readonly openedOnPaper?: string;
  readonly trainee: Trainee;
  readonly participants: readonly Participant[];
  readonly concerns: readonly Concern[];
  readonly status: CaseStatus;
  readonly current: StageInstance | null;
  readonly completedStages: readonly StageInstance[];
  readonly comments: readonly Comment[];
  readonly imp: readonly ImpRecord[];
  /** Effects whose delivery failed and has not been retried (absent: none ever failed). */
  readonly deliveryFailures?: readonly DeliveryFailure[];
  /** Timed reminders already issued, `{kind}:{occurrence}` (ADR 0011; absent: none yet). */
  readonly remindersIssued?: readonly string[];
}
