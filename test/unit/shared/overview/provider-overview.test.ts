import { dayStats, calendarDaysBetween } from '@shared/domain/overview/day-stats';
import {
  overviewColumns,
  overviewRowFromColumns,
  overviewRowOf,
  type OverviewRow,
} from '@shared/domain/overview/overview-row';
import { providerOverview } from '@shared/domain/overview/provider-overview';
import { providerOverviewSchema } from '@shared/domain/overview/overview-schema';
import { meToStage1, openBrightFutures, openMidEssex } from '../../../support/engine-fixtures';

const today = '2026-01-12';
const noReview = { stageId: null, reviewAnchor: null, planReviewDate: null, reviewPending: false };

function row(overrides: Partial<OverviewRow> & { caseId: string }): OverviewRow {
  return {
    status: 'open',
    stageId: 'stage-1',
    school: 'Oak School',
    signaturesMissing: 0,
    stageRuns: [],
    due: noReview,
    ...overrides,
  };
}

describe('day counts for the provider overview (calendar days, stated beside the figures)', () => {
  it('median is the middle value, or the mean of the two middle values; mean to one decimal', () => {
    expect(dayStats([])).toEqual({ runs: 0, medianDays: null, meanDays: null });
    expect(dayStats([9, 1, 5])).toEqual({ runs: 3, medianDays: 5, meanDays: 5 });
    expect(dayStats([10, 1, 4, 2])).toEqual({ runs: 4, medianDays: 3, meanDays: 4.3 });
  });

  it('counts calendar days across a month end and a clock change (the start day not counted)', () => {
    expect(calendarDaysBetween('2025-10-20', '2025-11-03')).toBe(14);
    expect(calendarDaysBetween('2026-01-12', '2026-01-12')).toBe(0);
  });
});

describe('providerOverview: figures from overview rows', () => {
  const ctx = openMidEssex().ctx();

  it('counts open cases by stage in the procedure order, by school (largest first), and leaves closed cases out', () => {
    const rows = [
      row({ caseId: 'a', stageId: 'stage-1', school: 'Oak School', signaturesMissing: 2 }),
      row({ caseId: 'b', stageId: 'stage-1', school: 'Elm School' }),
      row({ caseId: 'c', stageId: 'stage-3', school: 'Oak School', signaturesMissing: 1 }),
      row({ caseId: 'd', stageId: null, school: '' }),
      row({ caseId: 'e', status: 'closed', stageId: null, school: 'Elm School' }),
    ];
    const o = providerOverview(ctx, 'mid-essex-itt', rows, today);
    expect(o.totals).toEqual({ open: 4, closed: 1 });
    expect(o.byStage.map((s) => [s.stageId, s.open, s.signaturesMissing])).toEqual([
      [null, 1, 0],
      ...ctx.definition.stages.map((s) => [
        s.id,
        { 'stage-1': 2, 'stage-3': 1 }[s.id] ?? 0,
        { 'stage-1': 2, 'stage-3': 1 }[s.id] ?? 0,
      ]),
    ]);
    expect(o.bySchool).toEqual([
      { school: 'Oak School', open: 2 },
      { school: 'Elm School', open: 1 },
      { school: 'School not recorded', open: 1 },
    ]);
    expect(o.signaturesOutstanding).toEqual({ signatures: 3, cases: 2 });
    expect(providerOverviewSchema.parse(o)).toEqual(o);
  });

  it('leaves out the "No stage yet" row when every open case is in a stage', () => {
    const o = providerOverview(ctx, 'mid-essex-itt', [row({ caseId: 'a' })], today);
    expect(o.byStage.some((s) => s.stageId === null)).toBe(false);
  });

  it('ME-16: a review is overdue when its due date (agreed date, else the window recounted today) is before today, and only while pending', () => {
    const due = (planReviewDate: string | null, reviewPending = true, reviewAnchor = today) => ({
      stageId: 'stage-1',
      reviewAnchor,
      planReviewDate,
      reviewPending,
    });
    const rows = [
      row({ caseId: 'past', due: due('2026-01-09') }),
      row({ caseId: 'today', due: due('2026-01-12') }),
      row({ caseId: 'reviewed', due: due('2026-01-09', false) }),
      row({ caseId: 'window-passed', due: due(null, true, '2025-11-03') }),
      row({ caseId: 'window-open', due: due(null, true, '2026-01-05') }),
      row({ caseId: 'closed', status: 'closed', due: due('2026-01-09') }),
    ];
    const o = providerOverview(ctx, 'mid-essex-itt', rows, today);
    expect(o.reviewsOverdue).toBe(2);
    expect(o.byStage.find((s) => s.stageId === 'stage-1')?.reviewsOverdue).toBe(2);
  });

  it('time in each stage: finished runs (start to end) apart from runs still going (start to today)', () => {
    const rows = [
      row({
        caseId: 'a',
        stageRuns: [
          { stageId: 'pre-stage-1', startedOn: '2025-11-03', endedOn: '2025-11-13' },
          { stageId: 'stage-1', startedOn: '2025-11-13', endedOn: null },
        ],
      }),
      row({
        caseId: 'b',
        status: 'closed',
        stageRuns: [
          { stageId: 'pre-stage-1', startedOn: '2025-12-01', endedOn: '2025-12-05' },
          { stageId: 'stage-1', startedOn: '2025-12-05', endedOn: '2026-01-09' },
        ],
      }),
    ];
    const o = providerOverview(ctx, 'mid-essex-itt', rows, today);
    const of = (id: string) => o.timeInStage.find((t) => t.stageId === id)!;
    expect(of('pre-stage-1').completed).toEqual({ runs: 2, medianDays: 7, meanDays: 7 });
    expect(of('pre-stage-1').current.runs).toBe(0);
    expect(of('stage-1').completed).toEqual({ runs: 1, medianDays: 35, meanDays: 35 });
    expect(of('stage-1').current).toEqual({ runs: 1, medianDays: 60, meanDays: 60 });
    expect(o.timeInStage.map((t) => t.stageId)).toEqual(ctx.definition.stages.map((s) => s.id));
    expect(o.dayCount.unit).toBe('calendar');
  });
});

describe('overview rows: written as summary columns, read back without the state', () => {
  it('round-trips a case through its columns, and reads a row without them as "read it in full"', () => {
    const h = openMidEssex();
    meToStage1(h);
    const ctx = h.ctx();
    const state = h.state!;
    const original = overviewRowOf(ctx, state);
    expect(original.stageRuns.map((r) => [r.stageId, r.endedOn === null])).toEqual([
      ['pre-stage-1', false],
      ['stage-1', true],
    ]);
    expect(original.school).toBe('Chelmsford High');
    const columns: Record<string, unknown> = {
      status: original.status,
      stageId: original.stageId,
      reviewAnchor: original.due.reviewAnchor,
      planReviewDate: original.due.planReviewDate ?? undefined,
      reviewPending: original.due.reviewPending,
      ...overviewColumns(original),
    };
    expect(overviewRowFromColumns(state.caseId, columns)).toEqual(original);
    const { stageRuns: _runs, ...older } = columns;
    expect(overviewRowFromColumns(state.caseId, older)).toBeNull();
    expect(overviewRowFromColumns(state.caseId, { ...columns, stageRuns: '[[' })).toBeNull();
    expect(overviewRowFromColumns(state.caseId, { ...columns, stageRuns: '[[1,2,3]]' })).toBeNull();
  });

  it('counts the signatures missing on the current plan as "my cases" does (BF-20)', () => {
    const h = openBrightFutures();
    const row0 = overviewRowOf(h.ctx(), h.state!);
    expect(row0).toMatchObject({ stageId: null, signaturesMissing: 0, stageRuns: [] });
  });
});
