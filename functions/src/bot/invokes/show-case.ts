import { caseCard, noticeCard, sharedCaseCard } from '@shared/cards';
import type { CaseView } from '@shared/domain/view';
import { cardMessage, cardReply, refusalReply } from '../card-reply';
import { caseViewersInChat, isSharedConversation } from '../shared-chat/chat-audience';
import type { CardActionContext, CardActionReply } from './card-action-context';

/**
 * The case card for the clicker: their own view and buttons. Teams shows an invoke answer to the
 * clicker only, and every member's copy refreshes on its own, so it refreshes for them alone.
 */
export function caseReply(c: CardActionContext, view: CaseView, notice?: string): CardActionReply {
  const input = {
    view,
    refreshUserIds: [c.ctx.activity.from.id],
    audience: 'viewer' as const,
  };
  return cardReply(caseCard(notice === undefined ? input : { ...input, notice }));
}

/** The neutral card of a shared conversation (no case details), refreshing for `refreshUserIds`. */
function neutralCard(c: CardActionContext, caseId: string, refreshUserIds: readonly string[]) {
  const link = c.deps.caseLink?.(caseId);
  return sharedCaseCard(
    link === undefined ? { caseId, refreshUserIds } : { caseId, refreshUserIds, appLink: link },
  );
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

/**
 * Reads the case as the actor may see it and shows it. The server decides from the activity's
 * identity: in a shared conversation someone not on the case gets the neutral card (as if nothing
 * had been clicked); elsewhere a refusal (e.g. NOT_FOUND) becomes an error card.
 */
export async function showCase(
  c: CardActionContext,
  caseId: string,
  notice?: string,
): Promise<CardActionReply> {
  const view = await c.deps.service.getCase(c.who, caseId);
  if (view.ok) return caseReply(c, view.value, notice);
  if (isSharedConversation(c.ctx) && view.refusal.code === 'NOT_FOUND')
    return cardReply(neutralCard(c, caseId, []));
  return refusalReply(view.refusal);
}

/**
 * After a change, rewrites the message itself for everyone else: the invoke response only
 * replaced the clicker's copy. In a personal chat that is the case card without buttons. In a
 * group chat or channel it is the neutral card, never the case (issue 8 item 1): its `refresh`
 * lists only the members on the case, whose clients then fetch their own view.
 */
export async function updateForEveryone(c: CardActionContext, view: CaseView): Promise<void> {
  const messageId = c.ctx.activity.replyToId;
  if (messageId === undefined) return;
  try {
    const card = isSharedConversation(c.ctx)
      ? neutralCard(c, view.caseId, await caseViewersInChat(c.ctx, c.deps, view.caseId))
      : caseCard({ view, refreshUserIds: [c.ctx.activity.from.id], audience: 'everyone' });
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
