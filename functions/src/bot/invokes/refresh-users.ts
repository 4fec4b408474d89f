import type { IActivityContext } from '@microsoft/teams.apps';
import { maxRefreshUsers } from '@shared/cards';
import type { Logger } from '../../http/logger';

/**
 * The MRIs whose Teams clients should fetch their own view of a case card: the sender in a
 * personal chat; otherwise the conversation's members, at most 60 (Teams' limit).
 */
export async function refreshUserIds(ctx: IActivityContext, log: Logger): Promise<string[]> {
  const self = ctx.activity.from.id;
  if (ctx.activity.conversation.conversationType === 'personal') return [self];
  try {
    const members = await ctx.api.conversations.getMembers(ctx.activity.conversation.id);
    const ids = [self, ...members.map((m) => m.id).filter((id) => id !== self)];
    return ids.slice(0, maxRefreshUsers);
  } catch (error) {
    log.warn('Could not list conversation members; the card refreshes for the sender only', {
      error,
    });
    return [self];
  }
}
