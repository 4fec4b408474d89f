import type { CaseView } from '../../api/schemas';

/** A participant's display name by id ("someone" if they are not in the view). */
export function nameOf(view: CaseView, participantId: string): string {
  const p = view.participants.find((x) => x.participantId === participantId);
  return p === undefined ? 'someone' : `${p.name} (${p.roleLabel})`;
}
