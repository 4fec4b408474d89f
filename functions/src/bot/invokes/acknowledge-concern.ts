import { verbs } from '@shared/cards';
import { refusalReply } from '../card-reply';
import { commandIdFor } from '../command-id';
import type { CardActionHandler } from './card-action-context';
import { afterCommand } from './show-case';

/** `acknowledgeConcern`: the course tutor's one click on the case card (ME-05); it stops the chase. */
export const acknowledgeConcern: CardActionHandler<'acknowledgeConcern'> = async (data, c) => {
  const commandId = commandIdFor(c.ctx.activity.id, [
    c.who.tid,
    c.who.oid,
    verbs.acknowledgeConcern,
    data.caseId,
    data.concernId,
  ]);
  const result = await c.deps.service.execute(
    c.who,
    data.caseId,
    { type: 'acknowledgeConcern', concernId: data.concernId },
    commandId,
  );
  if (!result.ok) return refusalReply(result.refusal);
  return afterCommand(
    c,
    result.value.view,
    'Acknowledged; no reminder to get in touch will follow.',
  );
};
