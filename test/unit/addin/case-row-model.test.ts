import { initialControls, visibleRows } from '../../../addin/src/components/case-row-model';
import type { CaseSummary } from '../../../addin/src/api/schemas';

const row = (name: string, patch: Partial<CaseSummary> = {}): CaseSummary => ({
  caseId: `p.${name}`,
  providerId: 'p',
  traineeName: name,
  stageId: 'stage-1',
  stageLabel: 'Stage 1',
  status: 'open',
  nextReviewDate: null,
  reviewOverdue: false,
  viewerRoles: ['mentor'],
  school: 'Riverside',
  reviewCountdown: null,
  signaturesMissing: 0,
  needsYou: [],
  ...patch,
});

describe('my cases: search, filters and sort (presentation only)', () => {
  const rows = [
    row('Zara', { nextReviewDate: '2026-12-20' }),
    row('Emily', { nextReviewDate: '2026-12-10', reviewOverdue: true }),
    row('Josh', { status: 'closed' }),
    row('Tom', { school: 'Hillside', needsYou: ['signPlan'] }),
  ];
  const names = (c: Partial<typeof initialControls>) =>
    visibleRows(rows, { ...initialControls, ...c }).map((r) => r.traineeName);

  it('shows open cases, soonest review first, undated last', () => {
    expect(names({})).toEqual(['Emily', 'Zara', 'Tom']);
  });
  it('searches by trainee name, ignoring case', () => {
    expect(names({ search: 'ZA' })).toEqual(['Zara']);
  });
  it('filters by school, status, overdue and needs-you', () => {
    expect(names({ school: 'Hillside' })).toEqual(['Tom']);
    expect(names({ status: 'closed' })).toEqual(['Josh']);
    expect(names({ due: 'overdue' })).toEqual(['Emily']);
    expect(names({ due: 'needs-you' })).toEqual(['Tom']);
  });
  it('sorts by name', () => {
    expect(names({ sort: 'name', status: 'all' })).toEqual(['Emily', 'Josh', 'Tom', 'Zara']);
  });
});
