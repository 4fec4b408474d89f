import { compareIsoDates } from '../../calendar';
import type { DecisionContext } from '../context';
import { reviewDueNow } from '../review-due';
import { calendarDaysBetween, dayStats, type DayStats } from './day-stats';
import type { OverviewRow } from './overview-row';

/** One stage of the procedure with the provider's open cases in it. */
export interface StageFigures {
  /** null: open cases not in any stage yet (a concern raised, no stage started). */
  readonly stageId: string | null;
  readonly label: string;
  readonly open: number;
  readonly reviewsOverdue: number;
  readonly signaturesMissing: number;
}

/** How long stage runs took: finished runs, and runs still going (counted to today). */
export interface StageTime {
  readonly stageId: string;
  readonly label: string;
  readonly completed: DayStats;
  readonly current: DayStats;
}

/** The provider overview's figures (issue 10), for programme leads and directors. */
export interface ProviderOverview {
  readonly providerId: string;
  readonly providerName: string;
  /** The UK date the figures are counted on. */
  readonly asOf: string;
  readonly totals: { readonly open: number; readonly closed: number };
  readonly byStage: readonly StageFigures[];
  readonly bySchool: readonly { readonly school: string; readonly open: number }[];
  /** Open cases whose review is past due under today's settings and calendar (as the sweep counts). */
  readonly reviewsOverdue: number;
  /** Signatures missing on current plans, and how many open cases miss at least one. */
  readonly signaturesOutstanding: { readonly signatures: number; readonly cases: number };
  readonly timeInStage: readonly StageTime[];
  /** How the durations are counted, to show beside them. */
  readonly dayCount: { readonly unit: 'calendar'; readonly description: string };
}

const dayCountText =
  'Calendar days from the day a stage started to the day it ended (weekends and holidays included); a stage still running is counted to today, separately.';

const noSchool = 'School not recorded';

/** The overview of a provider's cases from their overview rows, counted on `today` (UK date). */
export function providerOverview(
  ctx: DecisionContext,
  providerId: string,
  rows: readonly OverviewRow[],
  today: string,
): ProviderOverview {
  const open = rows.filter((r) => r.status === 'open');
  const overdue = (r: OverviewRow) => {
    const due = reviewDueNow(ctx, r.due);
    return due !== null && compareIsoDates(due, today) < 0;
  };
  const stages: { id: string | null; label: string }[] = [
    { id: null, label: 'No stage yet' },
    ...ctx.definition.stages.map((s) => ({ id: s.id, label: s.label })),
  ];
  const byStage = stages
    .map(({ id, label }) => {
      const inStage = open.filter((r) => r.stageId === id);
      return {
        stageId: id,
        label,
        open: inStage.length,
        reviewsOverdue: inStage.filter(overdue).length,
        signaturesMissing: inStage.reduce((n, r) => n + r.signaturesMissing, 0),
      };
    })
    .filter((s) => s.stageId !== null || s.open > 0);
  return {
    providerId,
    providerName: ctx.definition.providerName,
    asOf: today,
    totals: { open: open.length, closed: rows.length - open.length },
    byStage,
    bySchool: schools(open),
    reviewsOverdue: open.filter(overdue).length,
    signaturesOutstanding: {
      signatures: open.reduce((n, r) => n + r.signaturesMissing, 0),
      cases: open.filter((r) => r.signaturesMissing > 0).length,
    },
    timeInStage: ctx.definition.stages.map((s) => timeIn(s.id, s.label, rows, today)),
    dayCount: { unit: 'calendar', description: dayCountText },
  };
}

function schools(open: readonly OverviewRow[]): { school: string; open: number }[] {
  const counts = new Map<string, number>();
  for (const r of open) {
    const school = r.school.trim() === '' ? noSchool : r.school;
    counts.set(school, (counts.get(school) ?? 0) + 1);
  }
  return [...counts]
    .map(([school, n]) => ({ school, open: n }))
    .sort((a, b) => b.open - a.open || a.school.localeCompare(b.school, 'en-GB'));
}

function timeIn(
  stageId: string,
  label: string,
  rows: readonly OverviewRow[],
  today: string,
): StageTime {
  const runs = rows.flatMap((r) => r.stageRuns.filter((run) => run.stageId === stageId));
  const completed = runs.flatMap((r) =>
    r.endedOn === null ? [] : [calendarDaysBetween(r.startedOn, r.endedOn)],
  );
  const current = runs.flatMap((r) =>
    r.endedOn === null ? [Math.max(0, calendarDaysBetween(r.startedOn, today))] : [],
  );
  return { stageId, label, completed: dayStats(completed), current: dayStats(current) };
}
