import { todayInUk } from '../../calendar';
import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { reviewWindow } from '../review-window';
import { rolesParam } from '../settings';
import { currentStage } from '../stage-lookup';
import { planChange } from './plan-edit';
import { requireRole, type Env, type Policy } from './policy';

function permit(env: Env): Result<readonly string[]> {
  const current = currentStage(env.ctx.definition, env.state);
  if (!current.ok) return fail(current.refusal);
  const def = current.value.stage.reviewDate;
  if (def === undefined)
    return fail(refuse('WRONG_STAGE', `${current.value.stage.label} has no review date to set.`));
  const refusal = requireRole(
    env,
    rolesParam(env.ctx.settings, def.setBy),
    'set the review date',
    def.rules,
  );
  return refusal === null ? ok(def.rules) : fail(refusal);
}

/** Setting the review date inside the stage's window on the provider's calendar (ME-27, ME-32, ME-56, X-01, X-02). */
export const setReviewDatePolicy: Policy<'setReviewDate'> = {
  label: () => 'Set the review date',
  candidates: () => [{}],
  paramsOf: () => ({}),
  permit,
  apply: (env, c, rules) => {
    const current = currentStage(env.ctx.definition, env.state);
    if (!current.ok) return current;
    const { stage, instance } = current.value;
    const window = reviewWindow(stage, instance, env.state, env.ctx.settings, env.ctx.calendar);
    const date = c.reviewDate;
    const unit = window?.unit ?? 'working';
    const outside =
      date <= todayInUk(env.ctx.now)
        ? 'it must be after today'
        : window?.earliest != null && date < window.earliest
          ? `it must be on or after ${window.earliest} (${stage.label} runs at least the minimum period)`
          : window?.latest != null && date > window.latest
            ? `it must be on or before ${window.latest}, the end of the ${unit}-day window`
            : null;
    if (outside !== null) {
      return fail(
        refuse(
          'REVIEW_DATE_OUTSIDE_WINDOW',
          `${date} cannot be the review date: ${outside} (${rules.join(', ')}).`,
          rules,
          { window },
        ),
      );
    }
    const reason = env.ctx.calendar.reasonNotCounting(date, unit);
    if (reason !== null)
      return fail(
        refuse('REVIEW_DATE_OUTSIDE_WINDOW', `${date} is not a ${unit} day (${reason}).`, rules),
      );
    const decision = planChange(env, instance, (planVersion) => ({
      type: 'ReviewDateSet',
      reviewDate: date,
      planVersion,
    }));
    // The reviewers' calendar reminder follows the date (issue 9 §3).
    return ok({
      ...decision,
      effects: [
        ...decision.effects,
        { kind: 'reviewReminder', instanceId: instance.instanceId, reviewDate: date },
      ],
    });
  },
};
