import type { UserLimiter } from '../http/user-rate-limit';
import type { Logger } from '../http/logger';
import type { CaseServicePort } from '../services/case-service-port';
import type { ConversationReferences } from './conversations/conversation-references';

/** A concern category of a procedure. */
export interface ConcernCategory {
  readonly id: string;
  readonly label: string;
  readonly specialCategory: boolean;
}

/** What every bot handler may use. The case service is the only way to read or change a case. */
export interface BotDeps {
  readonly service: CaseServicePort;
  readonly log: Logger;
  readonly now: () => Date;
  /** The concern categories of a provider's procedure (empty when the provider is unknown). */
  readonly categories: (providerId: string) => Promise<readonly ConcernCategory[]>;
  /**
   * The roles a provider's procedure lets raise a concern (`concern.raisedBy`), so the form
   * offers a trainee their own case where the procedure allows it (BF-03). Absent: staff roles only.
   */
  readonly concernRaisers?: (providerId: string) => Promise<readonly string[]>;
  /** A link that opens a case in the app (tab), shown on shared-conversation cards. */
  readonly caseLink?: (caseId: string) => string;
  /** R3: card actions per person (absent: no limit). */
  readonly limitCardActions?: UserLimiter;
  /** Personal conversations kept for proactive messages (absent: none are kept). */
  readonly conversations?: Pick<ConversationReferences, 'remember' | 'forget'>;
}
