import { verbs } from '@shared/cards';
import { refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import type { CardActionHandler } from './card-action-context';
import { afterCommand } from './show-case';

/** `retryDelivery`: re-sends a failed invitation or notification ("invitation not sent: ...; retry"). */
export const retryDelivery: CardActionHandler<'retryDelivery'> = async (data, c) => {
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.retryDelivery,
    data.caseId,
    data.effectId,
  ]);
  const result = await c.deps.service.execute(
    c.who,
    data.caseId,
    { type: 'retryDelivery', effectId: data.effectId },
    commandId,
  );
  if (!result.ok) return refusalReply(result.refusal);
  return afterCommand(c, result.value.view, 'It will be sent again.');
};
