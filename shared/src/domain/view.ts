import type { PaperMark } from './paper-view';
import type { CaseCommandType } from './commands';
import type { Role } from './roles';
import type {
  AppealState,
  CaseStatus,
  FinalOutcome,
  Meeting,
  Observation,
  ImpResultRecord,
  Review,
  Signature,
  Target,
} from './state';

/** A command the viewer may issue now, with the rules that allow it. The UI renders only these. */
export interface AvailableCommand {
  readonly type: CaseCommandType;
  readonly label: string;
  readonly rules: readonly string[];
  /** Fixed arguments for this option, e.g. `{ stageId }`, `{ planVersion, role }`, `{ closureId }`. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** A window of dates, counted on the provider's calendar. */
export interface ReviewWindow {
  readonly earliest: string | null;
  readonly latest: string | null;
  readonly indicative: string | null;
  readonly unit: 'school' | 'working';
  readonly rules: readonly string[];
  /** Provider settings (X-items) that decided this window, to show next to it. */
  readonly settings: readonly string[];
}

/** Counting days from today to the next review, in the unit of its window (the tab shows both). */
export interface ReviewCountdown {
  readonly due: string;
  /** School or working days left (negative once passed); today itself does not count. */
  readonly daysLeft: number;
  readonly unit: 'school' | 'working';
  readonly overdue: boolean;
}

/** A signature slot and whether it is filled for the current plan version. */
export interface SignerSlot {
  readonly role: Role;
  readonly roleLabel: string;
  readonly participantId: string | null;
  readonly name: string | null;
  readonly signed: Signature | null;
}

/** The current stage as a viewer sees it. */
export interface StageView {
  readonly instanceId: string;
  readonly stageId: string;
  readonly label: string;
  readonly summary: string;
  readonly formal: boolean | null;
  readonly startedOn: string;
  readonly reason: string;
  readonly rules: readonly string[];
  readonly plan: {
    readonly version: number;
    readonly overview: string;
    readonly supportMeasures: string;
    readonly targetStyle: 'SMART' | 'SHARP' | null;
    readonly maxTargets: number | null;
    readonly targets: readonly Target[];
    readonly reviewDate: string | null;
  };
  readonly reviewWindow: ReviewWindow | null;
  readonly reviewOverdue: boolean;
  /** Days left to the review on the provider's calendar (absent from older servers). */
  readonly reviewCountdown?: ReviewCountdown | null;
  readonly signers: readonly SignerSlot[];
  readonly fullySigned: boolean;
  readonly meetings: readonly Meeting[];
  /** Entries of this stage run recorded from paper, with who entered them and when (item 8). */
  readonly paperRecords?: readonly PaperMark[];
  readonly requiredMeetings: readonly {
    id: string;
    label: string;
    online: boolean | null;
    participants: readonly Role[];
    rules: readonly string[];
    /** Roles the meeting is for: someone in the case must hold each, and be invited (BF-26, ME-64). */
    requiredAttendees?: readonly Role[];
    /** "One of these roles" groups: at least one person from each must be invited (BF-13). */
    anyOf?: readonly (readonly Role[])[];
    /** Who may schedule it. */
    scheduledBy?: readonly Role[];
    /** Every requirement the engine enforces on it, in words, with provider role labels. */
    requirements?: readonly string[];
    /** Whether this stage's run has held it. */
    held?: boolean;
  }[];
  readonly observations: readonly Observation[];
  readonly reviews: readonly Review[];
  /** Observations and reviews not on the agreed date (BF-10): flagged, with the reason or a request for it. */
  readonly dateDepartures?: readonly {
    kind: 'observation' | 'review';
    id: string;
    date: string;
    agreedDate: string | null;
    reason: string | null;
    reasonWanted: boolean;
    message: string;
    rules: readonly string[];
  }[];
  readonly duties: readonly {
    id: string;
    label: string;
    done: boolean;
    applicable: boolean;
    rules: readonly string[];
  }[];
  readonly appeal: AppealState | null;
  readonly finalOutcome: FinalOutcome | null;
}

/** A case as one viewer may see it: special category and staff-only content removed where not allowed. */
export interface CaseView {
  readonly caseId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly procedure: { readonly id: string; readonly version: string; readonly title: string };
  readonly trainee: {
    readonly name: string;
    readonly route: string;
    readonly subject: string;
    readonly school: string;
    readonly placement: string;
  };
  readonly status: CaseStatus;
  readonly stage: StageView | null;
  readonly completedStages: readonly {
    instanceId: string;
    stageId: string;
    label: string;
    startedOn: string;
    endedAt: string | null;
  }[];
  readonly participants: readonly {
    participantId: string;
    role: Role;
    roleLabel: string;
    name: string;
    active: boolean;
    /** Named by email without Entra ids, and not signed in yet: shown as "invited, not yet signed in". */
    invited?: boolean;
  }[];
  readonly concerns: readonly {
    concernId: string;
    raisedAt: string;
    raisedByRole: Role;
    category: string;
    categoryLabel: string;
    description: string | null;
    evidence: string | null;
    seriousIncident: boolean;
    specialCategory: boolean;
    redacted: boolean;
    /** The course tutor's acknowledgement of the contact (ME-05); null: not (yet) acknowledged. */
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
  }[];
  readonly comments: readonly {
    commentId: string;
    by: string;
    at: string;
    text: string;
    visibility: 'all' | 'staff';
  }[];
  readonly imp: readonly {
    impId: string;
    pointId: string;
    recordedAt: string;
    fired: readonly {
      triggerId: string;
      label: string;
      recommendation: string;
      rules: readonly string[];
    }[];
    /** What the evaluation noted (e.g. a CORE-values shortfall). */
    notes?: readonly string[];
    /** Every trigger and expectation, raised or clear, with its rule (ME-71..78). */
    results?: readonly ImpResultRecord[];
  }[];
  readonly viewerRoles: readonly Role[];
  readonly available: readonly AvailableCommand[];
  /** The case version (its event count), set by the service; sent as the ETag `"v{version}"` and checked by If-Match. */
  readonly version?: number;
  /** Effects whose delivery failed and await a retry (staff only; absent in older clients' fixtures). */
  readonly deliveryFailures?: readonly {
    effectId: string;
    kind: string;
    meetingId: string | null;
    reason: string;
    at: string;
  }[];
}

/** One row of a "my cases" listing. */
export interface CaseSummary {
  readonly caseId: string;
  readonly providerId: string;
  readonly traineeName: string;
  /** The trainee's school and subject, searched by `GET /api/cases?q=`. */
  readonly school?: string;
  readonly subject?: string;
  readonly stageId: string | null;
  readonly stageLabel: string | null;
  readonly status: 'open' | 'closed';
  readonly nextReviewDate: string | null;
  readonly reviewOverdue: boolean;
  readonly viewerRoles: readonly Role[];
  readonly reviewCountdown?: ReviewCountdown | null;
  /** Signature slots of the current plan version not yet signed. */
  readonly signaturesMissing?: number;
  /** Commands this viewer may issue now that move the case on (sign, review, duty...), by type. */
  readonly needsYou?: readonly CaseCommandType[];
}
