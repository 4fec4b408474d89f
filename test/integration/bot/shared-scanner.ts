import type { ConnectorCall } from './fake-connector';

/**
 * Case details that must never be rendered into a conversation people outside the case can read
 * (issue 8 item 1): the trainee's name, the stage, target text, signers' names, the Cause for
 * Concern stage, and special-category sentinels. Matching is case-insensitive.
 */
export const caseDetailSentinels: readonly string[] = [
  'Emily Clarke',
  'Stage 1',
  'Individual Support Plan',
  'Apply the school behaviour policy',
  'Gareth Jones',
  'Helen Moss',
  'Claire Fenton',
  'Sanjay Patel',
  'Cause for concern',
  'Medical circumstances',
  'MEDICAL-SENTINEL',
  'Mathematics',
  'Riverside School',
];

/** The sentinels an activity body carries (empty when it is clean). */
export function leaksIn(body: unknown, sentinels = caseDetailSentinels): string[] {
  const text = JSON.stringify(body ?? null).toLowerCase();
  return sentinels.filter((s) => text.includes(s.toLowerCase()));
}

/** Every activity the bot sent or updated (POST/PUT) into the given conversation. */
export function activitiesTo<C extends ConnectorCall>(
  calls: readonly C[],
  conversationId: string,
): C[] {
  const encoded = encodeURIComponent(conversationId);
  return calls.filter(
    (c) =>
      (c.method === 'POST' || c.method === 'PUT') &&
      c.path.includes('/activities') &&
      (c.path.includes(`/conversations/${encoded}/`) ||
        c.path.includes(`/conversations/${conversationId}/`)),
  );
}
