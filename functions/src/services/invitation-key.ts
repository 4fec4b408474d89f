import { emailKey } from '@shared/domain/invitations';

/**
 * The `participantKeys` token for an invited person: `invite:` and their lower-case address
 * (spaces cannot occur in it, so the space-separated column stays parseable).
 */
export function invitationKey(email: string): string {
  return `invite:${emailKey(email).replaceAll(' ', '')}`;
}
