import { todayInUk } from '../../calendar';
import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { rolesParam } from '../settings';
import { currentStage } from '../stage-lookup';
import { departureFrom, withDeparture } from './agreed-date';
import { paperMark } from './paper-record';
import { missingAgreement, outcomeAgainstReview } from './outcome-evidence';
import { actingId, notifyPartners, requireRole, type Env, type Policy } from './policy';

function reviewContext(env: Env) {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return current;
  const { stage, instance } = current.value;
  const review = stage.review;
  if (review === undefined)
    return fail<never>(
      refuse('WRONG_STAGE', `${stage.label} has no review of targets.`, stage.rules),
    );
  return ok({ stage, instance, review });
}

function permitReview(env: Env): Result<readonly string[]> {
  const c = reviewContext(env);
  if (!c.ok) return fail(c.refusal);
  const { stage, instance, review } = c.value;
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, review.by),
    `record the ${stage.label} review`,
    review.rules,
  );
  if (refusal !== null) return fail(refusal);
  if (instance.plan.targets.length === 0)
    return fail(refuse('PLAN_EMPTY', 'There are no targets to review yet.', review.rules));
  if (!review.multiple && instance.reviews.length > 0)
    return fail(
      refuse('REVIEW_NOT_ALLOWED_YET', `${stage.label} has already been reviewed.`, review.rules),
    );
  const needed = review.requiresObservation;
  if (needed !== undefined && !instance.observations.some((o) => o.definitionId === needed)) {
    const label = stage.observations.find((o) => o.id === needed)?.label ?? 'observation';
    return fail(
      refuse('REVIEW_NOT_ALLOWED_YET', `Record the ${label} before the review.`, review.rules),
    );
  }
  return ok(review.rules);
}

/** Recording met / not met with evidence for every target (ME-20, ME-29, ME-34, BF-10, BF-24, BF-25). */
export const recordReviewPolicy: Policy<'recordReview'> = {
  label: () => 'Record the review',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit: permitReview,
  apply: (env, c, rules) => {
    const ctx = reviewContext(env);
    if (!ctx.ok) return ctx;
    const targets = ctx.value.instance.plan.targets;
    const given = new Set(c.outcomes.map((o) => o.targetId));
    const missing = targets.filter((t) => !given.has(t.targetId));
    const unknown = c.outcomes.filter((o) => !targets.some((t) => t.targetId === o.targetId));
    if (missing.length > 0 || unknown.length > 0 || given.size !== c.outcomes.length) {
      return fail(
        refuse(
          'REVIEW_INCOMPLETE',
          'Give one outcome, met or not met with evidence, for every target on the plan.',
          rules,
        ),
      );
    }
    if (c.heldOn > todayInUk(env.ctx.now))
      return fail(refuse('VALIDATION_FAILED', 'A review cannot be recorded for a future date.'));
    const paper = paperMark(env, c.recordedFromPaper, c.heldOn, 'The review', ctx.value.instance);
    if ('refusal' in paper) return fail(paper.refusal);
    const review = {
      ...paper.mark,
      reviewId: env.ctx.newId(),
      heldOn: c.heldOn,
      recordedBy: actingId(env),
      planVersion: ctx.value.instance.plan.version,
      outcomes: c.outcomes,
      allMet: c.outcomes.every((o) => o.met),
      notes: c.notes,
      ...withDeparture(
        departureFrom(
          ctx.value.review.onAgreedDate,
          ctx.value.review.rules,
          ctx.value.instance,
          c.heldOn,
          c.departureReason,
        ),
      ),
    };
    return ok({
      events: [{ type: 'ReviewRecorded', review }],
      effects: notifyPartners(env, 'review-recorded'),
    });
  },
};

function permitFinal(env: Env): Result<readonly string[]> {
  const c = reviewContext(env);
  if (!c.ok) return fail(c.refusal);
  const { stage, instance, review } = c.value;
  if (!stage.finalOutcome)
    return fail(refuse('WRONG_STAGE', `${stage.label} has no final outcome to record.`));
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, review.by),
    'record the final outcome',
    ['ME-61', 'ME-62'],
  );
  if (refusal !== null) return fail(refusal);
  if (instance.finalOutcome !== null)
    return fail(
      refuse('REVIEW_NOT_ALLOWED_YET', 'The final outcome has already been recorded.', ['ME-62']),
    );
  if (instance.reviews.length === 0)
    return fail(
      refuse(
        'REVIEW_NOT_ALLOWED_YET',
        'Review the targets with the full range of evidence first.',
        ['ME-60'],
      ),
    );
  return ok(['ME-60', 'ME-61', 'ME-62']);
}

/** Recording the final review's outcome: only two exist, with ME-62's agreement condition (X-11). */
export const recordFinalOutcomePolicy: Policy<'recordFinalOutcome'> = {
  label: () => 'Record the final outcome',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit: permitFinal,
  apply: (env, c) => {
    if (c.progress === 'sufficient' && c.basis !== null)
      return fail(
        refuse('VALIDATION_FAILED', 'Sufficient progress takes no failure basis.', ['ME-61']),
      );
    if (c.progress === 'insufficient') {
      if (c.basis === null)
        return fail(
          refuse(
            'VALIDATION_FAILED',
            'Say whether the trainee is unlikely to progress towards QTS or is having a serious negative impact on pupil learning.',
            ['ME-62'],
          ),
        );
      const needsAgreement =
        c.basis === 'unlikely-to-progress' || env.ctx.settings.outcome2AgreementScope === 'both';
      const missing = needsAgreement
        ? missingAgreement(env.ctx.definition, env.state, c.agreedBy)
        : [];
      if (missing.length > 0) {
        return fail(
          refuse(
            'GUARD_FAILED',
            `Outcome 2 needs the agreement of the school, the Lead Subject Tutor and the Course Tutor or Director; missing: ${missing.join('; ')} (ME-62, X-11).`,
            ['ME-62', 'X-11'],
          ),
        );
      }
    }
    const latest = env.state.current?.reviews.at(-1);
    const against =
      latest === undefined ? null : outcomeAgainstReview(env.ctx.definition, env.state, latest, c);
    if (against !== null) return fail(against);
    const outcome = {
      progress: c.progress,
      basis: c.basis,
      agreedBy: c.agreedBy,
      recordedBy: actingId(env),
      notes: c.notes,
      ...(latest !== undefined &&
      c.reasonAgainstReview !== null &&
      latest.allMet !== (c.progress === 'sufficient')
        ? { againstLatestReview: { reviewId: latest.reviewId, reason: c.reasonAgainstReview } }
        : {}),
    };
    return ok({
      events: [{ type: 'FinalOutcomeRecorded', outcome }],
      effects: notifyPartners(env, 'final-outcome-recorded'),
    });
  },
};
