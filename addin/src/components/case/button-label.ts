import { ukDateTime } from '../../format/dates';
import type { AvailableCommand, CaseView } from '../../api/schemas';

function subject(view: CaseView, c: AvailableCommand): string | null {
  const { participantId, targetId, meetingId, concernId } = c.params;
  if (concernId !== undefined) {
    const concern = view.concerns.find((x) => x.concernId === concernId);
    return concern === undefined
      ? null
      : `${concern.categoryLabel}, ${ukDateTime(concern.raisedAt)}`;
  }
  if (participantId !== undefined)
    return view.participants.find((p) => p.participantId === participantId)?.name ?? null;
  if (targetId !== undefined) {
    const index = view.stage?.plan.targets.findIndex((t) => t.targetId === targetId) ?? -1;
    return index < 0 ? null : `target ${index + 1}`;
  }
  if (meetingId !== undefined) {
    const m = view.stage?.meetings.find((x) => x.meetingId === meetingId);
    return m === undefined ? null : m.start.slice(0, 10);
  }
  return null;
}

/** The API's label, plus what it acts on when several options share that label (e.g. which participant). */
export function buttonLabel(
  view: CaseView,
  c: AvailableCommand,
  all: readonly AvailableCommand[],
): string {
  const shared = all.filter((x) => x.label === c.label).length > 1;
  const what = shared ? subject(view, c) : null;
  return what === null ? c.label : `${c.label}: ${what}`;
}
