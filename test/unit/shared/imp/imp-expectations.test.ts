import { evaluateImp, type ImpInput } from '@shared/imp/evaluate-imp';
import { builtInProcedures } from '@shared/procedures/registry';
import { ME, openMidEssex, viewAs } from '../../../support/engine-fixtures';

/** Issue 11 item 5: every IMP expectation (ME-71..78) is evaluated, not only the triggers. */

const def = builtInProcedures().get('mid-essex-itt')!;
const point = (id: string) => def.imp.find((p) => p.id === id)!;
const all4 = ['committed', 'optimistic', 'research-engaged', 'effective'];
const record = (grades: string[], coreValues: string[] = ['committed']): ImpInput => ({
  grades: grades.map((grade, i) => ({ indicator: `AI ${i + 1}`, grade, placement: null })),
  partTwoMet: true,
  coreValues,
  standardsMetInFull: null,
});
const raised = (id: string, input: ImpInput) =>
  evaluateImp(point(id), input)
    .results.filter((r) => r.outcome === 'raised')
    .map((r) => `${r.kind}:${r.id}:${r.rules.join(',')}`);

describe('IMP expectations (ME-73, ME-75, ME-77)', () => {
  it('ME-73: a trainee judged excelling at IMP 1 raises a warning: "should not be judged as excelling at this early stage"', () => {
    expect(raised('IMP1', record(['emerging', 'excelling', 'developing']))).toEqual([
      'warning:imp1-not-excelling:ME-73',
    ]);
    expect(raised('IMP1', record(['emerging', 'developing']))).toEqual([]);
  });

  it('ME-73: no CORE values at IMP 1 is a warning with its rule', () => {
    expect(raised('IMP1', record(['emerging'], []))).toEqual(['warning:imp1-core-values:ME-73']);
  });

  it('ME-75: mainly emerging at IMP 2 falls short of "mainly developing and securing"', () => {
    expect(raised('IMP2', record(['emerging', 'emerging', 'securing']))).toContain(
      'warning:imp2-developing-securing:ME-75',
    );
    expect(raised('IMP2', record(['developing', 'securing', 'excelling']))).toEqual([]);
  });

  it('ME-77: IMP 3 expects securing or excelling against most indicators, all four CORE values, and notes developing grades for ECT targets', () => {
    expect(
      raised('IMP3', record(['securing', 'excelling', 'securing', 'developing'], all4)),
    ).toEqual(['note:imp3-developing-ect:ME-77']);
    expect(raised('IMP3', record(['developing', 'developing', 'securing'], ['committed']))).toEqual(
      [
        'warning:imp3-securing-excelling:ME-77',
        'note:imp3-developing-ect:ME-77',
        'warning:imp3-core-values:ME-77',
      ],
    );
  });

  it('ME-71..78: every trigger and every expectation of each point has a result with its rule', () => {
    for (const p of def.imp) {
      const results = evaluateImp(p, record(['securing'], all4)).results;
      expect(results.map((r) => r.id)).toEqual([
        ...p.triggers.map((t) => t.id),
        ...p.checks.map((c) => c.id),
      ]);
      expect(p.checks.length).toBeGreaterThan(0);
      for (const r of results) expect(r.rules.length).toBeGreaterThan(0);
    }
  });

  it('ME-73: the command keeps the results and notes in the view (the response a client gets)', () => {
    const h = openMidEssex();
    h.ok(ME.courseTutor, {
      type: 'recordImp',
      pointId: 'IMP1',
      grades: [
        { indicator: 'AI 1.1', grade: 'excelling' },
        { indicator: 'AI 1.2', grade: 'emerging' },
      ],
      partTwoMet: true,
      coreValues: [],
    });
    const imp = viewAs(h, ME.courseTutor).imp[0]!;
    expect(imp.notes).toEqual([
      'Expected at least 1 CORE value(s) at IMP 1 (end of Secure Foundations); 0 recorded.',
    ]);
    expect(imp.results?.filter((r) => r.outcome === 'raised')).toEqual([
      expect.objectContaining({ id: 'imp1-not-excelling', kind: 'warning', rules: ['ME-73'] }),
      expect.objectContaining({ id: 'imp1-core-values', kind: 'warning', rules: ['ME-73'] }),
    ]);
    expect(imp.results?.find((r) => r.id === 'imp1-part-two')).toMatchObject({
      kind: 'trigger',
      outcome: 'clear',
      rules: ['ME-74'],
    });
    expect(viewAs(h, ME.trainee).imp).toEqual([]); // staff only, as before
  });
});
