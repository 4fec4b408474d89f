import type { RefusalCode } from '@shared/errors/refusal';

/**
 * The one table from refusal code to HTTP status. Rule of thumb:
 * - 400 the request itself is malformed; 401/403 who you are / what you may do;
 *   404 no such thing *that you may see* (a case you cannot see is NOT_FOUND);
 * - 409 the case's current state forbids this now (stage, meeting, appeal, closed, a concurrent
 *   write): re-read the case and the available commands, then retry or choose another action;
 * - 422 the request is well-formed but breaks a procedure rule or limit (guards, target/action
 *   limits, review windows, required participants, names an unknown target/meeting/outcome).
 */
export const refusalStatus: Readonly<Record<RefusalCode, number>> = {
  VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  NOT_A_PARTICIPANT: 403,
  ROLE_NOT_ALLOWED: 403,
  FORBIDDEN: 403,
  NOT_A_SIGNER: 403,
  OBSERVER_NOT_ALLOWED: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  CASE_ALREADY_EXISTS: 409,
  PLAN_VERSION_MISMATCH: 409,
  CASE_CLOSED: 409,
  NO_ACTIVE_STAGE: 409,
  WRONG_STAGE: 409,
  TRANSITION_NOT_ALLOWED: 409,
  MEETING_STATE: 409,
  APPEAL_STATE: 409,
  CORRECTION_NOT_ALLOWED: 409,
  UNKNOWN_ENTRY: 422,
  PARTICIPANT_STATE: 409,
  DUTY_ALREADY_DONE: 409,
  REVIEW_NOT_ALLOWED_YET: 409,
  SIGNATURES_NOT_REQUIRED: 409,
  MEETING_NOT_REQUIRED: 409,
  DUTY_NOT_APPLICABLE: 409,
  GUARD_FAILED: 422,
  TARGET_LIMIT_REACHED: 422,
  ACTION_LIMIT_REACHED: 422,
  TARGET_FIELDS_REQUIRED: 422,
  REVIEW_DATE_OUTSIDE_WINDOW: 422,
  REVIEW_INCOMPLETE: 422,
  PLAN_EMPTY: 422,
  SIGNATURE_NAME_MISMATCH: 422,
  MEETING_PARTICIPANTS_MISSING: 422,
  MEETING_MUST_BE_ONLINE: 422,
  SETTING_INVALID: 422,
  UNKNOWN_TARGET: 422,
  UNKNOWN_PARTICIPANT: 422,
  UNKNOWN_MEETING: 422,
  UNKNOWN_OBSERVATION: 422,
  UNKNOWN_DUTY: 422,
  UNKNOWN_OUTCOME: 422,
  UNKNOWN_CATEGORY: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  STORAGE_UNAVAILABLE: 503,
  NOTHING_TO_RETRY: 409,
  UNKNOWN_CONCERN: 422,
  CONCERN_ALREADY_ACKNOWLEDGED: 409,
  ATTENDEE_EMAIL_MISSING: 422,
  PAPER_RECORD_NOT_ALLOWED: 403,
  PAPER_DATE_IN_FUTURE: 422,
  PAPER_DATE_BEFORE_CASE_OPENED: 422,
  PAPER_DATE_OUT_OF_ORDER: 422,
};
