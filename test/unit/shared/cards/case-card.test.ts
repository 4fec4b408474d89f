import { CardBuildError, caseCard, verbs } from '@shared/cards';
import { caseView } from './card-fixtures';
import { typedNodes } from './validate-card';

const actions = (card: unknown) => typedNodes(card).filter((n) => n.type === 'Action.Execute');
const buttons = (card: { body: readonly unknown[] }) => actions(card.body);

describe('caseCard', () => {
  it('renders a button only for commands in view.available that a card can start, once each', () => {
    const card = caseCard({ view: caseView(), refreshUserIds: ['29:a'], audience: 'viewer' });
    expect(buttons(card).map((b) => b.data)).toEqual([
      { verb: verbs.openSignPlan, caseId: caseView().caseId, planVersion: 3 },
      {
        verb: verbs.openScheduleMeeting,
        caseId: caseView().caseId,
        meetingDefinitionId: 'stage-1-meeting',
      },
      { verb: verbs.openReview, caseId: caseView().caseId },
      { verb: verbs.refreshCase, caseId: caseView().caseId },
    ]);
  });

  it('offers nothing but Refresh when the viewer may do nothing', () => {
    const card = caseCard({
      view: caseView(undefined, { available: [] }),
      refreshUserIds: [],
      audience: 'viewer',
    });
    expect(buttons(card).map((b) => b.verb)).toEqual([verbs.refreshCase]);
  });

  it('the shared message for everyone has no personal buttons; each user refreshes their own view', () => {
    const card = caseCard({
      view: caseView(),
      refreshUserIds: ['29:a', '29:b'],
      audience: 'everyone',
    });
    expect(buttons(card).map((b) => b.verb)).toEqual([verbs.refreshCase]);
    expect(card.refresh?.userIds).toEqual(['29:a', '29:b']);
    expect(card.refresh?.action).toMatchObject({
      type: 'Action.Execute',
      verb: verbs.refreshCase,
      data: { verb: verbs.refreshCase, caseId: caseView().caseId },
    });
  });

  it('shows trainee, stage and its meaning, targets, review date and window, and who has signed', () => {
    const text = JSON.stringify(
      caseCard({ view: caseView(), refreshUserIds: [], audience: 'viewer' }),
    );
    for (const expected of [
      'Sam Trainee',
      'Stage 1 ISP',
      'An informal individual support plan.',
      'Plan lessons with clear objectives',
      'Mon 20 Oct 2025',
      'Wed 15 Oct 2025 to Wed 29 Oct 2025 (counted in school days)',
      'Morgan Mentor',
      ' (signed Fri 3 Oct 2025)',
      ' (not signed)',
      'Signatures on plan version 3',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('never carries concern text, even when the viewer may see it (Z7)', () => {
    const text = JSON.stringify(
      caseCard({ view: caseView(), refreshUserIds: [], audience: 'viewer' }),
    );
    expect(text).not.toContain('MEDICAL-SENTINEL');
  });

  it('refuses more than 60 refresh users (typed error)', () => {
    const ids = Array.from({ length: 61 }, (_, i) => `29:${i}`);
    expect(() => caseCard({ view: caseView(), refreshUserIds: ids, audience: 'viewer' })).toThrow(
      CardBuildError,
    );
    expect(() =>
      caseCard({ view: caseView(), refreshUserIds: ids.slice(0, 60), audience: 'viewer' }),
    ).not.toThrow();
  });

  it('shows a closed case with its outcome and no stage', () => {
    const view = caseView(undefined, {
      status: {
        kind: 'closed',
        outcomeId: 'met',
        outcomeLabel: 'Targets met',
        closedAt: '2025-11-01T10:00:00Z',
        notes: '',
      },
      stage: null,
      available: [],
    });
    expect(JSON.stringify(caseCard({ view, refreshUserIds: [], audience: 'viewer' }))).toContain(
      'Targets met',
    );
  });
});
