import { signPlanCard, verbs } from '@shared/cards';
import { caseCommandSchema } from '@shared/domain/commands';
import type { CaseView } from '@shared/domain/view';
import { refuse } from '@shared/errors/refusal';
import { cardReply, refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import type { CardActionContext, CardActionHandler, CardActionReply } from './card-action-context';
import { afterCommand } from './show-case';

// Refusals the signer can fix on the same form (a typo in the name, a plan that changed meanwhile).
const retryable = new Set([
  'SIGNATURE_NAME_MISMATCH',
  'PLAN_VERSION_MISMATCH',
  'VALIDATION_FAILED',
]);

function signForm(view: CaseView, error?: string): CardActionReply {
  const stage = view.stage;
  if (stage === null || !view.available.some((a) => a.type === 'signPlan')) {
    return refusalReply(
      refuse('NOT_A_SIGNER', 'There is no plan for you to sign on this case now.'),
      view.caseId,
    );
  }
  const input = {
    caseId: view.caseId,
    traineeName: view.trainee.name,
    stageLabel: stage.label,
    planVersion: stage.plan.version,
    targets: stage.plan.targets,
  };
  return cardReply(signPlanCard(error === undefined ? input : { ...input, error }));
}

async function formAgain(
  c: CardActionContext,
  caseId: string,
  error?: string,
): Promise<CardActionReply> {
  const view = await c.deps.service.getCase(c.who, caseId);
  return view.ok ? signForm(view.value, error) : refusalReply(view.refusal);
}

/** `openSignPlan`: the form to sign the current plan version. */
export const openSignPlan: CardActionHandler<'openSignPlan'> = (data, c) =>
  formAgain(c, data.caseId);

/**
 * `signPlan`: signs through the service. The command id is derived from the activity id, the
 * actor and the plan version, so Teams redelivery applies once (I1); a double click is a no-op
 * in the engine. The clicker's card is replaced; the message is rewritten for everyone else.
 */
export const signPlan: CardActionHandler<'signPlan'> = async (data, c) => {
  const parsed = caseCommandSchema.safeParse({
    type: 'signPlan',
    planVersion: data.planVersion,
    typedFullName: data.typedFullName,
  });
  if (!parsed.success) return formAgain(c, data.caseId, 'Type your full name to sign.');
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.signPlan,
    data.caseId,
    data.planVersion,
  ]);
  const result = await c.deps.service.execute(c.who, data.caseId, parsed.data, commandId);
  if (!result.ok) {
    if (retryable.has(result.refusal.code))
      return formAgain(c, data.caseId, result.refusal.message);
    return refusalReply(result.refusal, data.caseId);
  }
  return afterCommand(c, result.value.view, `You signed version ${data.planVersion} of the plan.`);
};
