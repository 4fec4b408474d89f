import type { ProviderCalendar } from '../calendar';
import type { ProcedureDefinition } from '../procedures/schema';
import type { Role } from './roles';

/** An authenticated person: Entra tenant + object id (never an email or UPN). */
export interface Identity {
  readonly tid: string;
  readonly oid: string;
  readonly name: string;
  /**
   * The signed-in address (`email`, else `preferred_username`), lower case. Used only to link an
   * invited participant the first time they sign in from an allowed tenant; never to authorise.
   */
  readonly email?: string;
}

/** Someone with a provider-wide role (programme lead, director) or a named tutor. */
export interface StaffMember {
  readonly tid: string;
  readonly oid: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
}

/** Resolved values of a provider's settings (X-items), keyed by setting key. */
export type SettingValues = Readonly<Record<string, unknown>>;

/** Everything a decision depends on besides the case and the command. Time and ids are injected. */
export interface DecisionContext {
  readonly definition: ProcedureDefinition;
  readonly settings: SettingValues;
  readonly calendar: ProviderCalendar;
  readonly staff: readonly StaffMember[];
  readonly now: Date;
  readonly newId: () => string;
}

/** The acting person and the roles they hold in this case. */
export interface Actor {
  readonly identity: Identity;
  readonly roles: readonly Role[];
  /** The participant entries (one per role) this person holds in the case. */
  readonly participantIds: readonly string[];
}
