import { evidenceInputId, metInputId, reviewCard, verbs } from '@shared/cards';
import { todayInUk } from '@shared/calendar';
import { caseCommandSchema } from '@shared/domain/commands';
import type { Target } from '@shared/domain/state';
import { refuse } from '@shared/errors/refusal';
import { cardReply, refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import type { CardActionContext, CardActionHandler, CardActionReply } from './card-action-context';
import { afterCommand } from './show-case';

async function form(
  c: CardActionContext,
  caseId: string,
  error?: string,
): Promise<CardActionReply> {
  const view = await c.deps.service.getCase(c.who, caseId);
  if (!view.ok) return refusalReply(view.refusal);
  const stage = view.value.stage;
  if (stage === null || !view.value.available.some((a) => a.type === 'recordReview')) {
    return refusalReply(
      refuse('REVIEW_NOT_ALLOWED_YET', 'You cannot record a review on this case now.'),
      caseId,
    );
  }
  const input = {
    caseId,
    traineeName: view.value.trainee.name,
    stageLabel: stage.label,
    targets: stage.plan.targets,
    heldOn: todayInUk(c.deps.now()),
  };
  return cardReply(reviewCard(error === undefined ? input : { ...input, error }));
}

function outcomes(targets: readonly Target[], data: Readonly<Record<string, unknown>>) {
  return targets.map((t) => ({
    targetId: t.targetId,
    met: data[metInputId(t.targetId)] === 'true',
    evidence: data[evidenceInputId(t.targetId)],
  }));
}

/** `openReview`: met / not met and evidence for each current target. */
export const openReview: CardActionHandler<'openReview'> = (data, c) => form(c, data.caseId);

/** `recordReview`: the outcome per target of the plan as it is now, recorded through the service. */
export const recordReview: CardActionHandler<'recordReview'> = async (data, c) => {
  const view = await c.deps.service.getCase(c.who, data.caseId);
  if (!view.ok) return refusalReply(view.refusal);
  const targets = view.value.stage?.plan.targets ?? [];
  const parsed = caseCommandSchema.safeParse({
    type: 'recordReview',
    heldOn: data.heldOn,
    outcomes: outcomes(targets, data),
    notes: data.notes,
  });
  if (!parsed.success)
    return form(c, data.caseId, 'Give the date, an outcome and evidence for every target.');
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.recordReview,
    data.caseId,
  ]);
  const result = await c.deps.service.execute(c.who, data.caseId, parsed.data, commandId);
  if (!result.ok) return form(c, data.caseId, result.refusal.message);
  return afterCommand(c, result.value.view, 'The review is recorded.');
};
