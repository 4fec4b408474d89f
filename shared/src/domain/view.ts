import type { CaseCommandType } from './commands';
import type { Role } from './roles';
import type {
  AppealState,
  CaseStatus,
  FinalOutcome,
  Meeting,
  Observation,
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
  readonly signers: readonly SignerSlot[];
  readonly fullySigned: boolean;
  readonly meetings: readonly Meeting[];
  readonly requiredMeetings: readonly {
    id: string;
    label: string;
    online: boolean | null;
    participants: readonly Role[];
    rules: readonly string[];
  }[];
  readonly observations: readonly Observation[];
  readonly reviews: readonly Review[];
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
  }[];
  readonly viewerRoles: readonly Role[];
  readonly available: readonly AvailableCommand[];
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
  readonly stageId: string | null;
  readonly stageLabel: string | null;
  readonly status: 'open' | 'closed';
  readonly nextReviewDate: string | null;
  readonly reviewOverdue: boolean;
  readonly viewerRoles: readonly Role[];
}
