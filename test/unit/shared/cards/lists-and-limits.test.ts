import fc from 'fast-check';
import {
  CardTooLargeError,
  caseCard,
  dueThisWeekCard,
  helpCard,
  myCasesCard,
  signPlanCard,
  verbs,
} from '@shared/cards';
import { caseId, caseSummary, caseView, stageView } from './card-fixtures';
import { cardRuleViolations, stringSites, typedNodes } from './validate-card';

describe('list cards', () => {
  it('show at most 25 cases, each with an Open button, and say how many more there are', () => {
    const card = myCasesCard(Array.from({ length: 30 }, (_, i) => caseSummary(i)));
    const opens = typedNodes(card).filter((n) => n.type === 'Action.Execute');
    expect(opens).toHaveLength(25);
    expect(opens[0]?.data).toEqual({ verb: verbs.openCase, caseId: caseSummary(0).caseId });
    expect(JSON.stringify(card)).toContain('And 5 more');
  });

  it('say so when there is nothing to show', () => {
    expect(JSON.stringify(myCasesCard([]))).toContain('not named on any open case');
    expect(JSON.stringify(dueThisWeekCard([], '2025-10-24'))).toContain('No reviews are due');
  });

  it('help offers the three commands as buttons', () => {
    const verbsShown = typedNodes(helpCard())
      .filter((n) => n.type === 'Action.Execute')
      .map((n) => n.verb);
    expect(verbsShown).toEqual([verbs.openRaiseConcern, verbs.myCases, verbs.dueThisWeek]);
  });
});

describe('size limit', () => {
  it('a card over 80 KB is refused with a typed error', () => {
    const big = Array.from({ length: 10 }, (_, i) => ({
      ...stageView().plan.targets[0]!,
      targetId: `t-${i}-00000`,
      text: 'x'.repeat(10_000),
    }));
    expect(() =>
      signPlanCard({ caseId, traineeName: 'Sam', stageLabel: 'S', planVersion: 1, targets: big }),
    ).toThrow(CardTooLargeError);
  });
});

// Mostly the characters that make macros, templates, Markdown and HTML.
const tricky = fc.string({
  unit: fc.constantFrom('{', '}', '$', '[', ']', '*', '(', ')', '<', '>', 'D', ' ', '\u200B'),
  maxLength: 60,
});

describe('property: any text a user could type', () => {
  it('keeps every case card valid, and no macro or template survives in displayed text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), tricky, (name, target) => {
        const base = caseView();
        const stage = stageView();
        const view = {
          ...base,
          trainee: { ...base.trainee, name },
          stage: {
            ...stage,
            plan: { ...stage.plan, targets: [{ ...stage.plan.targets[0]!, text: target }] },
          },
        };
        const card = caseCard({ view, refreshUserIds: [], audience: 'viewer' });
        expect(cardRuleViolations(card)).toEqual([]);
        for (const site of stringSites(card).filter((s) => s.key === 'text')) {
          expect(site.value.includes('{{') || site.value.includes('${')).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
