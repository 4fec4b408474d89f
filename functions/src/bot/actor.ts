import type { Identity } from '@shared/domain/context';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import { entraIdSchema, normaliseEntraId } from '@shared/schemas/text';

/** The parts of an inbound activity that say who sent it. */
export interface ActivityIdentity {
  readonly from: { readonly aadObjectId?: string; readonly name?: string };
  readonly conversation: { readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
}

// Teams may send ids in any letter case; they are compared only lower-case (issue 8 item 3).
const guid = entraIdSchema();

/**
 * The acting person: the authenticated activity's `from.aadObjectId` and its tenant. Never
 * anything a card sent back (Z1). Both tenant fields, when present, must agree.
 */
export function actorOf(activity: ActivityIdentity): Result<Identity> {
  const conversationTenant = activity.conversation.tenantId;
  const channelTenant = activity.channelData?.tenant?.id;
  if (
    conversationTenant !== undefined &&
    channelTenant !== undefined &&
    normaliseEntraId(conversationTenant) !== normaliseEntraId(channelTenant)
  ) {
    return fail(
      refuse(
        'UNAUTHENTICATED',
        'This message came with two different organisations; it was ignored.',
      ),
    );
  }
  const tid = guid.safeParse(conversationTenant ?? channelTenant);
  const oid = guid.safeParse(activity.from.aadObjectId);
  if (!tid.success || !oid.success) {
    return fail(
      refuse(
        'UNAUTHENTICATED',
        'Teams did not say who you are (no Microsoft Entra user or organisation).',
      ),
    );
  }
  return ok({ tid: tid.data, oid: oid.data, name: activity.from.name ?? '' });
}
