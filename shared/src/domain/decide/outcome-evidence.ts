import { refuse, type Refusal } from '../../errors/refusal';
import type { ProcedureDefinition } from '../../procedures/schema';
import { activeParticipants } from '../actor';
import type { Role } from '../roles';
import { roleLabel } from '../stage-lookup';
import type { CaseState, Review } from '../state';

/** ME-62's agreement: the school, the Lead Subject Tutor and the Course Tutor or Director. */
const agreementGroups: readonly (readonly Role[])[] = [
  ['mentor', 'professionalMentor'],
  ['leadSubjectTutor'],
  ['courseTutor', 'director'],
];

/** The ME-62 groups not represented among the participants who agreed, as labels; empty when all agreed. */
export function missingAgreement(
  definition: ProcedureDefinition,
  state: CaseState,
  agreedBy: readonly string[],
): string[] {
  const agreed = activeParticipants(state).filter((p) => agreedBy.includes(p.participantId));
  return agreementGroups
    .filter((g) => !agreed.some((p) => g.includes(p.role)))
    .map((g) => g.map((r) => roleLabel(definition, r)).join(' or '));
}

/** What the latest review found, in words. */
const found = (review: Review) =>
  review.allMet
    ? 'every target met'
    : `${review.outcomes.filter((o) => !o.met).length} of ${review.outcomes.length} targets not met`;

/**
 * A final outcome must agree with the latest review of the targets (ME-60, ME-61, ME-62). One
 * that contradicts it (sufficient progress with targets not met, or insufficient with all met)
 * needs an explicit reason on the record, and Outcome 1 against unmet targets also needs the
 * agreement ME-62 names. Returns the refusal, or null when the outcome may be recorded.
 */
export function outcomeAgainstReview(
  definition: ProcedureDefinition,
  state: CaseState,
  review: Review,
  command: {
    readonly progress: 'sufficient' | 'insufficient';
    readonly reasonAgainstReview: string | null;
    readonly agreedBy: readonly string[];
  },
): Refusal | null {
  const consistent = (command.progress === 'sufficient') === review.allMet;
  if (consistent) return null;
  const rules = ['ME-60', command.progress === 'sufficient' ? 'ME-61' : 'ME-62'];
  const outcome =
    command.progress === 'sufficient'
      ? 'Outcome 1 (sufficient progress)'
      : 'Outcome 2 (insufficient progress)';
  if (command.reasonAgainstReview === null) {
    return refuse(
      'GUARD_FAILED',
      `The latest review (${review.heldOn}) found ${found(review)}; ${outcome} contradicts it. Give the reason on the record (reasonAgainstReview)${command.progress === 'sufficient' ? ' and the agreement of the school, the Lead Subject Tutor and the Course Tutor or Director' : ''} (${rules.join(', ')}).`,
      rules,
      { reviewId: review.reviewId },
    );
  }
  if (command.progress === 'insufficient') return null;
  const missing = missingAgreement(definition, state, command.agreedBy);
  if (missing.length === 0) return null;
  return refuse(
    'GUARD_FAILED',
    `Outcome 1 against a review that found ${found(review)} needs the agreement of the school, the Lead Subject Tutor and the Course Tutor or Director; missing: ${missing.join('; ')} (ME-61, ME-62).`,
    ['ME-61', 'ME-62'],
    { reviewId: review.reviewId },
  );
}
