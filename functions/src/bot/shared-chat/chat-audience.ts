import type { IActivityContext } from '@microsoft/teams.apps';
import { z } from 'zod';
import { maxRefreshUsers } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import { entraIdSchema } from '@shared/schemas/text';
import type { BotDeps } from '../bot-deps';

/**
 * Group chats and channels: people outside a case can read them. Only a personal chat with the
 * bot is private; a conversation that does not say what it is counts as shared.
 */
export function isSharedConversation(ctx: Pick<IActivityContext, 'activity'>): boolean {
  return ctx.activity.conversation.conversationType !== 'personal';
}

// Teams answers `GET .../members` with `objectId`, other member endpoints with `aadObjectId`.
const memberSchema = z.looseObject({
  id: z.string().min(1).max(500),
  aadObjectId: entraIdSchema().optional(),
  objectId: entraIdSchema().optional(),
  tenantId: entraIdSchema().optional(),
});

interface ChatMember {
  readonly mri: string;
  readonly identity: Identity;
}

function membersOf(raw: readonly unknown[], conversationTenant: string | undefined): ChatMember[] {
  const fallbackTenant = entraIdSchema().safeParse(conversationTenant);
  return raw.flatMap((m) => {
    const parsed = memberSchema.safeParse(m);
    if (!parsed.success) return [];
    const oid = parsed.data.aadObjectId ?? parsed.data.objectId;
    const tid = parsed.data.tenantId ?? (fallbackTenant.success ? fallbackTenant.data : undefined);
    if (oid === undefined || tid === undefined) return [];
    return [{ mri: parsed.data.id, identity: { tid, oid, name: '' } }];
  });
}

const key = (i: Pick<Identity, 'tid' | 'oid'>) => `${i.tid}:${i.oid}`;

/**
 * The MRIs of this conversation's members who may see the case, mapped from their Entra ids
 * (aadObjectId + tenant) and decided by the service: at most 60, Teams' refresh limit. When the
 * members cannot be listed the answer is empty: nobody auto-refreshes, and "Show me" still works.
 */
export async function caseViewersInChat(
  ctx: Pick<IActivityContext, 'activity' | 'api'>,
  deps: Pick<BotDeps, 'service' | 'log'>,
  caseId: string,
): Promise<string[]> {
  let raw: readonly unknown[];
  try {
    raw = await ctx.api.conversations.getMembers(ctx.activity.conversation.id);
  } catch (error) {
    deps.log.warn('Could not list conversation members; the shared card refreshes for nobody', {
      error,
    });
    return [];
  }
  const members = membersOf(raw, ctx.activity.conversation.tenantId);
  const viewers = new Set(
    (
      await deps.service.viewersAmong(
        caseId,
        members.map((m) => m.identity),
      )
    ).map(key),
  );
  const mris = members.filter((m) => viewers.has(key(m.identity))).map((m) => m.mri);
  return [...new Set(mris)].slice(0, maxRefreshUsers);
}
