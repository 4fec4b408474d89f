import { caseCard, noticeCard } from '@shared/cards';
import type { CaseView } from '@shared/domain/view';
import { cardMessage, cardReply, refusalReply } from '../card-reply';
import type { CardActionContext, CardActionReply } from './card-action-context';
import { refreshUserIds } from './refresh-users';

/** The case card for the clicker: their own view and buttons. */
export async function caseReply(
  c: CardActionContext,
  view: CaseView,
  notice?: string,
): Promise<CardActionReply> {
  const refresh = await refreshUserIds(c.ctx, c.deps.log);
  const input = { view, refreshUserIds: refresh, audience: 'viewer' as const };
  return cardReply(caseCard(notice === undefined ? input : { ...input, notice }));
}

/** The clicker's card after a successful command; null when the command ended their access. */
export async function afterCommand(
  c: CardActionContext,
  view: CaseView | null,
  notice: string,
): Promise<CardActionReply> {
  if (view === null)
    return cardReply(noticeCard('Done', `${notice} You no longer have access to this case.`));
  await updateForEveryone(c, view);
  return caseReply(c, view, notice);
}

/** Reads the case as the actor may see it and shows it; a refusal (e.g. NOT_FOUND) becomes an error card. */
export async function showCase(
  c: CardActionContext,
  caseId: string,
  notice?: string,
): Promise<CardActionReply> {
  const view = await c.deps.service.getCase(c.who, caseId);
  return view.ok ? caseReply(c, view.value, notice) : refusalReply(view.refusal);
}

/**
 * After a change, rewrites the message itself for everyone else: the invoke response only
 * replaced the clicker's copy. The shared card has no personal buttons; its `refresh` makes
 * each listed user's client fetch their own view.
 */
export async function updateForEveryone(c: CardActionContext, view: CaseView): Promise<void> {
  const messageId = c.ctx.activity.replyToId;
  if (messageId === undefined) return;
  try {
    const refresh = await refreshUserIds(c.ctx, c.deps.log);
    const card = caseCard({ view, refreshUserIds: refresh, audience: 'everyone' });
    await c.ctx.api.conversations.updateActivity(
      c.ctx.activity.conversation.id,
      messageId,
      cardMessage(card),
    );
  } catch (error) {
    c.deps.log.warn(
      'Could not update the case card for everyone; their clients refresh it on view',
      { error },
    );
  }
}
