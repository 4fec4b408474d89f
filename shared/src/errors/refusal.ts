/** Stable codes for every refusal the engine or the service can return. */
export const refusalCodes = [
  'VALIDATION_FAILED',
  'RATE_LIMITED',
  'NOT_FOUND',
  'NOT_A_PARTICIPANT',
  'ROLE_NOT_ALLOWED',
  'CASE_CLOSED',
  'CASE_ALREADY_EXISTS',
  'NO_ACTIVE_STAGE',
  'WRONG_STAGE',
  'TRANSITION_NOT_ALLOWED',
  'GUARD_FAILED',
  'TARGET_LIMIT_REACHED',
  'ACTION_LIMIT_REACHED',
  'TARGET_FIELDS_REQUIRED',
  'UNKNOWN_TARGET',
  'UNKNOWN_PARTICIPANT',
  'UNKNOWN_MEETING',
  'UNKNOWN_OBSERVATION',
  'UNKNOWN_DUTY',
  'UNKNOWN_OUTCOME',
  'UNKNOWN_CATEGORY',
  'REVIEW_DATE_OUTSIDE_WINDOW',
  'REVIEW_INCOMPLETE',
  'REVIEW_NOT_ALLOWED_YET',
  'PLAN_VERSION_MISMATCH',
  'PLAN_EMPTY',
  'NOT_A_SIGNER',
  'SIGNATURE_NAME_MISMATCH',
  'SIGNATURES_NOT_REQUIRED',
  'MEETING_PARTICIPANTS_MISSING',
  'MEETING_MUST_BE_ONLINE',
  'MEETING_NOT_REQUIRED',
  'MEETING_STATE',
  'OBSERVER_NOT_ALLOWED',
  'DUTY_NOT_APPLICABLE',
  'DUTY_ALREADY_DONE',
  'APPEAL_STATE',
  'CORRECTION_NOT_ALLOWED',
  'UNKNOWN_ENTRY',
  'PARTICIPANT_STATE',
  'SETTING_INVALID',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'STORAGE_UNAVAILABLE',
  'NOTHING_TO_RETRY',
  'UNKNOWN_CONCERN',
  'CONCERN_ALREADY_ACKNOWLEDGED',
  'ATTENDEE_EMAIL_MISSING',
  'PAPER_RECORD_NOT_ALLOWED',
  'PAPER_DATE_IN_FUTURE',
  'PAPER_DATE_BEFORE_CASE_OPENED',
  'PAPER_DATE_OUT_OF_ORDER',
] as const;

/** A stable refusal code. */
export type RefusalCode = (typeof refusalCodes)[number];

/** A typed refusal: a stable code, a message a person understands, and the rules behind it. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly rules: readonly string[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a refusal value. */
export function refuse(
  code: RefusalCode,
  message: string,
  rules: readonly string[] = [],
  details?: Record<string, unknown>,
): Refusal {
  return details === undefined ? { code, message, rules } : { code, message, rules, details };
}

/** Either a value or a refusal. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a refusal as a failure. */
export function fail<T>(refusal: Refusal): Result<T> {
  return { ok: false, refusal };
}
