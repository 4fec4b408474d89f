import { createHash, randomBytes } from 'node:crypto';

/** A new random id for entities inside a case (targets, meetings, participants...). */
export function newEntityId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A case id: `{providerId}.{22 url-safe chars}`. Derived from the caller and their command id so a
 * retried "open case" lands on the same row (and is recognised), random otherwise (Z4).
 */
export function caseIdFor(
  providerId: string,
  who: { tid: string; oid: string },
  commandId: string,
): string {
  const digest = createHash('sha256')
    .update(`${who.tid}|${who.oid}|${providerId}|${commandId}`)
    .digest('base64url');
  return `${providerId}.${digest.slice(0, 22)}`;
}

/** The provider id encoded in a case id, or undefined if the id is malformed. */
export function providerOf(caseId: string): string | undefined {
  const match = /^([a-z][a-z0-9-]{1,39})\.[A-Za-z0-9_-]{16,40}$/.exec(caseId);
  return match?.[1];
}
