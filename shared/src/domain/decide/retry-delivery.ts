import { fail, ok, refuse, type Result } from '../../errors/refusal';
import { nowIso, openCase, type Env, type Policy } from './policy';

const failures = (env: Env) => env.state.deliveryFailures ?? [];

function permit(env: Env, effectId: string): Result<readonly string[]> {
  const closed = openCase(env);
  if (closed !== null) return fail(closed);
  if (env.actor.roles.every((r) => r === 'trainee'))
    return fail(refuse('ROLE_NOT_ALLOWED', 'Only staff on the case can retry a delivery.'));
  if (!failures(env).some((f) => f.effectId === effectId))
    return fail(
      refuse('NOTHING_TO_RETRY', 'That delivery has not failed, or was already retried.'),
    );
  return ok([]);
}

const labels: Readonly<Record<string, string>> = {
  createMeeting: 'Retry the meeting invitation',
  cancelMeeting: 'Retry the cancellation',
  notify: 'Retry the notification',
  reviewReminder: 'Retry the review reminder',
  cancelReviewReminder: 'Retry the review reminder cancellation',
};

/** Re-issuing an effect the relay gave up on ("invitation not sent: <reason>; retry"). */
export const retryDeliveryPolicy: Policy<'retryDelivery'> = {
  label: (env, p) => {
    const failure = failures(env).find((f) => f.effectId === p.effectId);
    return labels[failure?.kind ?? ''] ?? 'Retry the delivery';
  },
  candidates: (env) => failures(env).map((f) => ({ effectId: f.effectId })),
  paramsOf: (c) => ({ effectId: c.effectId }),
  permit: (env, p) => permit(env, String(p.effectId)),
  apply: (env, c) => {
    const failure = failures(env).find((f) => f.effectId === c.effectId);
    if (failure === undefined) return fail(refuse('NOTHING_TO_RETRY', 'Nothing to retry.'));
    return ok({
      events: [{ type: 'EffectRetried', effectId: c.effectId, at: nowIso(env) }],
      effects: [failure.effect, { kind: 'refreshCaseCard' }],
    });
  },
};
