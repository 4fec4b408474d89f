import type { DueCase, DueItem } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import type { CaseView } from '@shared/domain/view';
import { ok, type Result } from '@shared/errors/refusal';
import type { BotDeps } from '../bot-deps';
import { ukWeek } from '../uk-time';

// The most cases read for one answer: as many as a list card shows.
const maxCases = 25;
const ukDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** What is due on one case, as this viewer sees it (their own view decides what they may see). */
export function dueItems(view: CaseView, now: Date, weekEnding: string): DueItem[] {
  const stage = view.stage;
  if (stage === null || view.status.kind === 'closed') return [];
  const items: DueItem[] = [];
  const review = stage.plan.reviewDate;
  if (stage.reviewOverdue || (review !== null && review <= weekEnding)) {
    items.push({
      kind: 'review',
      text: review === null ? 'Review due' : `Review due ${review}`,
      overdue: stage.reviewOverdue,
    });
  }
  if (view.available.some((a) => a.type === 'signPlan')) {
    items.push({
      kind: 'signature',
      text: `Plan version ${String(stage.plan.version)} is waiting for your signature`,
    });
  }
  for (const duty of stage.duties.filter((d) => d.applicable && !d.done))
    items.push({ kind: 'duty', text: `To do: ${duty.label}` });
  const from = now.getTime();
  const until = from + 7 * 24 * 60 * 60 * 1000;
  const labels = new Map(stage.requiredMeetings.map((m) => [m.id, m.label]));
  for (const meeting of stage.meetings) {
    const at = Date.parse(meeting.start);
    if (meeting.status !== 'scheduled' || at < from || at > until) continue;
    const label = labels.get(meeting.definitionId) ?? 'Meeting';
    items.push({ kind: 'meeting', text: `${label}, ${ukDate(meeting.start)}` });
  }
  return items;
}

/**
 * "Due this week" for one person (issue 11 item 15): their open cases (the first 25, as a list
 * card shows), each read as they may see it, and what falls due on it: reviews by Sunday or
 * overdue, plans waiting for their signature, open duties, meetings in the next 7 days.
 */
export async function dueThisWeekFor(
  deps: BotDeps,
  who: Identity,
): Promise<Result<{ cases: DueCase[]; weekEnding: string }>> {
  const now = deps.now();
  const { weekEnding } = ukWeek(now);
  const mine = await deps.service.listMine(who, { status: 'open' });
  if (!mine.ok) return mine;
  const views = await Promise.all(
    mine.value.slice(0, maxCases).map((c) => deps.service.getCase(who, c.caseId)),
  );
  const cases = views.flatMap((v) =>
    v.ok
      ? [
          {
            caseId: v.value.caseId,
            traineeName: v.value.trainee.name,
            items: dueItems(v.value, now, weekEnding),
          },
        ]
      : [],
  );
  return ok({ cases, weekEnding });
}
