import { z } from 'zod';
import { compareIsoDates, todayInUk } from '../../calendar';
import type { DecisionContext } from '../context';
import { summarise } from '../case-view';
import { reviewDueInputs, type ReviewDueInputs } from '../review-due';
import type { CaseState } from '../state';
import type { CaseSummary } from '../view';

/** One stage run of a case: the stage, its start date and (once it ended) its end date (UK dates). */
export interface StageRun {
  readonly stageId: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/** What the provider overview needs of one case, readable from its summary columns alone. */
export interface OverviewRow {
  readonly caseId: string;
  readonly status: 'open' | 'closed';
  readonly stageId: string | null;
  readonly school: string;
  /** Signatures still missing on the current plan version (as "my cases" counts them). */
  readonly signaturesMissing: number;
  readonly stageRuns: readonly StageRun[];
  /** The review window's inputs, recounted with today's settings (as the sweep does). */
  readonly due: ReviewDueInputs;
}

/**
 * The UK date a run ended: the day it was ended, or the next run's start when that is earlier (a
 * stage entered from paper ends the previous run on the day it is entered, not its paper date).
 */
function endOf(endedAt: string | null, nextStartedOn: string | undefined): string | null {
  if (endedAt === null) return null;
  const ended = todayInUk(new Date(endedAt));
  return nextStartedOn !== undefined && compareIsoDates(nextStartedOn, ended) < 0
    ? nextStartedOn
    : ended;
}

const nobody = { identity: { tid: '', oid: '', name: '' }, roles: [], participantIds: [] };

/**
 * The overview row of a case, from its full state (new writes, and rows older than the columns).
 * `summary` is the case's listing row for nobody in particular, when the caller has it already.
 */
export function overviewRowOf(
  ctx: DecisionContext,
  state: CaseState,
  summary: CaseSummary = summarise(ctx, state, nobody),
): OverviewRow {
  const runs = [...state.completedStages, ...(state.current === null ? [] : [state.current])];
  return {
    caseId: state.caseId,
    status: state.status.kind,
    stageId: summary.stageId,
    school: state.trainee.school,
    signaturesMissing: summary.signaturesMissing ?? 0,
    stageRuns: runs.map((r, i) => ({
      stageId: r.stageId,
      startedOn: r.startedOn,
      endedOn: endOf(r.endedAt, runs[i + 1]?.startedOn),
    })),
    due: reviewDueInputs(ctx, state),
  };
}

/** The extra summary columns the overview reads (beside `status`, `stageId` and the review inputs). */
export const overviewColumnNames = ['school', 'signaturesMissing', 'stageRuns'] as const;

/** The overview's own summary columns for a case (`stageRuns` as compact JSON `[[id, start, end]]`). */
export function overviewColumns(row: OverviewRow): Record<string, string | number> {
  return {
    school: row.school,
    signaturesMissing: row.signaturesMissing,
    stageRuns: JSON.stringify(row.stageRuns.map((r) => [r.stageId, r.startedOn, r.endedOn])),
  };
}

const runsSchema = z.array(z.tuple([z.string(), z.string(), z.string().nullable()]));
const columnsSchema = z.object({
  status: z.enum(['open', 'closed']),
  stageId: z.string().optional(),
  school: z.string(),
  signaturesMissing: z.number().int().min(0),
  stageRuns: z.string(),
  reviewAnchor: z.string().optional(),
  planReviewDate: z.string().optional(),
  reviewPending: z.boolean().optional(),
});

/** The columns the overview selects from each snapshot row. */
export const overviewSelect = [
  'status',
  'stageId',
  'reviewAnchor',
  'planReviewDate',
  'reviewPending',
  ...overviewColumnNames,
] as const;

/** Reads an overview row back from summary columns; null when the row predates them (read it in full). */
export function overviewRowFromColumns(
  caseId: string,
  columns: Readonly<Record<string, unknown>>,
): OverviewRow | null {
  const parsed = columnsSchema.safeParse(columns);
  if (!parsed.success) return null;
  let runs: z.infer<typeof runsSchema>;
  try {
    const decoded = runsSchema.safeParse(JSON.parse(parsed.data.stageRuns));
    if (!decoded.success) return null;
    runs = decoded.data;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const c = parsed.data;
  return {
    caseId,
    status: c.status,
    stageId: c.stageId ?? null,
    school: c.school,
    signaturesMissing: c.signaturesMissing,
    stageRuns: runs.map(([stageId, startedOn, endedOn]) => ({ stageId, startedOn, endedOn })),
    due: {
      stageId: c.stageId ?? null,
      reviewAnchor: c.reviewAnchor ?? null,
      planReviewDate: c.planReviewDate ?? null,
      reviewPending: c.reviewPending ?? false,
    },
  };
}
