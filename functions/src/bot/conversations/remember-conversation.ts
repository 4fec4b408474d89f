import { actorOf, type ActivityIdentity } from '../actor';
import type { Logger } from '../../http/logger';
import type { ConversationReferences } from './conversation-references';

/** The parts of an inbound activity a conversation reference is made of. */
export interface ReferenceActivity extends ActivityIdentity {
  readonly serviceUrl?: string;
  readonly recipient?: { readonly id?: string };
  readonly conversation: ActivityIdentity['conversation'] & {
    readonly id?: string;
    readonly conversationType?: string;
  };
}

/** The authenticated person of a personal-chat activity; undefined in a group chat or channel. */
function personalActor(activity: ReferenceActivity) {
  if (activity.conversation.conversationType !== 'personal') return undefined;
  const who = actorOf(activity);
  return who.ok ? who.value : undefined;
}

/**
 * Keeps the personal conversation of whoever installed the app or messaged the bot, so the relay
 * can reach them proactively when Graph refuses an activity notification. Only personal chats
 * (a group chat would show the message to others), only an authenticated activity's identity.
 * A storage failure is logged and never spoils the person's turn.
 */
export async function rememberConversation(
  activity: ReferenceActivity,
  conversations: Pick<ConversationReferences, 'remember'> | undefined,
  log: Logger,
): Promise<void> {
  const who = personalActor(activity);
  if (conversations === undefined || who === undefined) return;
  try {
    await conversations.remember({
      tenantId: who.tid,
      userId: who.oid,
      conversationId: activity.conversation.id ?? '',
      serviceUrl: activity.serviceUrl ?? '',
      botId: activity.recipient?.id ?? '',
    });
  } catch (error) {
    log.warn('Could not store the bot conversation; proactive messages fall back to email', {
      error,
    });
  }
}

/** Forgets a person's conversation when they remove the app from their personal scope. */
export async function forgetConversation(
  activity: ReferenceActivity,
  conversations: Pick<ConversationReferences, 'forget'> | undefined,
  log: Logger,
): Promise<void> {
  const who = personalActor(activity);
  if (conversations === undefined || who === undefined) return;
  try {
    await conversations.forget(who.tid, who.oid);
  } catch (error) {
    log.warn('Could not forget the bot conversation', { error });
  }
}
