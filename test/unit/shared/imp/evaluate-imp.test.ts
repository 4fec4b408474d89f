import fc from 'fast-check';
import { evaluateImp, type ImpInput } from '@shared/imp/evaluate-imp';
import { builtInProcedures } from '@shared/procedures/registry';
import {
  ME,
  BF,
  eventsOf,
  notifications,
  openBrightFutures,
  openMidEssex,
  viewAs,
} from '../../../support/engine-fixtures';

const def = builtInProcedures().get('mid-essex-itt')!;
const point = (id: string) => def.imp.find((p) => p.id === id)!;
const all4 = ['committed', 'optimistic', 'research-engaged', 'effective'];

/** A record with one grade per indicator, optionally at a placement. */
function record(
  grades: string[],
  more: Partial<ImpInput> = {},
  placement: 'A' | 'B' | null = null,
): ImpInput {
  return {
    grades: grades.map((grade, i) => ({ indicator: `AI ${i + 1}`, grade, placement })),
    partTwoMet: true,
    coreValues: ['committed'],
    standardsMetInFull: null,
    ...more,
  };
}
const fired = (id: string, input: ImpInput) =>
  evaluateImp(point(id), input).fired.map((f) => f.triggerId);

describe('IMP points and grades (ME-71, ME-72)', () => {
  it('ME-71: IMP 1, 2 and 3 close Secure Foundations, Revisit and Practice, Looking Ahead and Transition', () => {
    expect(def.imp.map((p) => p.label)).toEqual([
      'IMP 1 (end of Secure Foundations)',
      'IMP 2 (end of Revisit and Practice)',
      'IMP 3 (end of Looking Ahead and Transition)',
    ]);
    for (const p of def.imp) expect(p.rules).toContain('ME-71');
  });

  it('ME-72: the trigger grades are all on the grade scale', () => {
    for (const p of def.imp)
      for (const t of p.triggers) for (const g of t.grades) expect(def.grades).toContain(g);
  });
});

describe('IMP 1 triggers (ME-73, ME-74)', () => {
  it('ME-74: progress "in the main" insufficient fires a support plan recommendation; a minority does not', () => {
    expect(
      fired('IMP1', record(['insufficient', 'insufficient', 'emerging', 'developing'])),
    ).toEqual(['imp1-insufficient']);
    expect(fired('IMP1', record(['insufficient', 'emerging', 'emerging', 'developing']))).toEqual(
      [],
    );
    expect(
      evaluateImp(point('IMP1'), record(['insufficient', 'insufficient'])).fired[0],
    ).toMatchObject({ recommendation: 'support-plan', rules: ['ME-74'] });
  });

  it('ME-73: emerging and developing are expected at IMP 1 and fire nothing', () => {
    expect(fired('IMP1', record(['emerging', 'emerging', 'emerging', 'developing']))).toEqual([]);
  });

  it('ME-74: not meeting all of Part Two fires on its own', () => {
    expect(fired('IMP1', record(['developing'], { partTwoMet: false }))).toEqual(['imp1-part-two']);
  });

  it('ME-73: the CORE values note: some CORE values are expected at IMP 1', () => {
    expect(evaluateImp(point('IMP1'), record(['emerging'], { coreValues: [] })).notes).toEqual([
      'Expected at least 1 CORE value(s) at IMP 1 (end of Secure Foundations); 0 recorded.',
    ]);
    expect(evaluateImp(point('IMP1'), record(['emerging'])).notes).toEqual([]);
  });
});

describe('IMP 2 triggers (ME-75, ME-76)', () => {
  it('ME-76: significant emerging grades fire (a third or more); fewer do not', () => {
    expect(fired('IMP2', record(['emerging', 'developing', 'securing']))).toEqual([]); // 1/3 is under 0.34
    expect(
      fired('IMP2', record(['emerging', 'insufficient', 'developing', 'securing', 'securing'])),
    ).toEqual(['imp2-emerging']);
    expect(evaluateImp(point('IMP2'), record(['emerging', 'emerging'])).fired[0]).toMatchObject({
      recommendation: 'support-plan-or-cfc',
    });
  });

  it('ME-76: "no opportunity" at placement A or B is a high priority', () => {
    for (const placement of ['A', 'B'] as const) {
      const result = evaluateImp(
        point('IMP2'),
        record(['developing', 'no-opportunity', 'securing'], {}, placement),
      );
      expect(result.fired.map((f) => [f.triggerId, f.recommendation])).toEqual([
        ['imp2-no-opportunity', 'high-priority'],
      ]);
    }
  });

  it('ME-76: not meeting Part Two fires', () => {
    expect(fired('IMP2', record(['securing'], { partTwoMet: false }))).toEqual(['imp2-part-two']);
  });

  it('ME-75: mainly developing and securing, some excelling, fires nothing', () => {
    expect(
      fired('IMP2', record(['developing', 'securing', 'securing', 'excelling'], {}, 'A')),
    ).toEqual([]);
  });
});

describe('IMP 3 triggers (ME-77, ME-78)', () => {
  const good = ['securing', 'excelling', 'securing', 'developing'];

  it('ME-77: securing or excelling with a few developing, all four CORE values, fires nothing', () => {
    const result = evaluateImp(
      point('IMP3'),
      record(good, { coreValues: all4, standardsMetInFull: true }),
    );
    expect(result).toMatchObject({ fired: [], notes: [] });
    // the developing grades are noted for ECT targets (ME-77); nothing else is raised
    expect(result.results.filter((r) => r.outcome === 'raised').map((r) => r.id)).toEqual([
      'imp3-developing-ect',
    ]);
  });

  it('ME-78: still emerging in any area fires a final-stage Cause for Concern', () => {
    expect(fired('IMP3', record([...good, 'emerging']))).toEqual(['imp3-emerging']);
  });

  it('ME-78: insufficient or no opportunity in any area fires', () => {
    expect(fired('IMP3', record([...good, 'insufficient']))).toEqual(['imp3-insufficient']);
    expect(fired('IMP3', record([...good, 'no-opportunity']))).toEqual(['imp3-insufficient']);
  });

  it('ME-78: Part Two, and the Teachers\u2019 Standards not met in full (ratified at the Final Assessment Board), fire', () => {
    expect(fired('IMP3', record(good, { partTwoMet: false }))).toEqual(['imp3-part-two']);
    expect(fired('IMP3', record(good, { standardsMetInFull: false }))).toEqual(['imp3-standards']);
    expect(fired('IMP3', record(good, { standardsMetInFull: null }))).toEqual([]); // not yet judged
    expect(point('IMP3').triggers.find((t) => t.id === 'imp3-standards')?.label).toContain(
      'Final Assessment Board',
    );
  });

  it('ME-77: the CORE values note: all four are expected at IMP 3', () => {
    expect(
      evaluateImp(point('IMP3'), record(good, { coreValues: all4.slice(0, 3) })).notes,
    ).toEqual([
      'Expected at least 4 CORE value(s) at IMP 3 (end of Looking Ahead and Transition); 3 recorded.',
    ]);
  });

  it('ME-74, ME-76, ME-78: the triggers fire exactly on their documented conditions (random records)', () => {
    const gradeArb = fc.constantFrom(...def.grades);
    const inputArb = fc.record({
      grades: fc.array(
        fc.record({
          indicator: fc.constant('AI'),
          grade: gradeArb,
          placement: fc.constantFrom<'A' | 'B' | null>('A', 'B', null),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      partTwoMet: fc.boolean(),
      coreValues: fc.subarray(all4),
      standardsMetInFull: fc.constantFrom(true, false, null),
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const n = input.grades.length;
        const share = (gs: string[]) => input.grades.filter((g) => gs.includes(g.grade)).length / n;
        const any = (gs: string[]) => input.grades.some((g) => gs.includes(g.grade));
        const expected = {
          IMP1: [
            share(['insufficient']) >= 0.5 && 'imp1-insufficient',
            !input.partTwoMet && 'imp1-part-two',
          ],
          IMP2: [
            share(['emerging', 'insufficient']) >= 0.34 && 'imp2-emerging',
            input.grades.some((g) => g.grade === 'no-opportunity') && 'imp2-no-opportunity',
            !input.partTwoMet && 'imp2-part-two',
          ],
          IMP3: [
            any(['emerging']) && 'imp3-emerging',
            any(['insufficient', 'no-opportunity']) && 'imp3-insufficient',
            !input.partTwoMet && 'imp3-part-two',
            input.standardsMetInFull === false && 'imp3-standards',
          ],
        };
        for (const [id, list] of Object.entries(expected))
          expect(fired(id, input)).toEqual(list.filter(Boolean));
        expect(evaluateImp(point('IMP3'), input).notes).toHaveLength(
          input.coreValues.length < 4 ? 1 : 0,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('IMP through the engine (recordImp)', () => {
  const imp = (grades: string[], more: Record<string, unknown> = {}) => ({
    type: 'recordImp',
    pointId: 'IMP2',
    grades: grades.map((grade, i) => ({ indicator: `AI ${i + 1}`, grade, placement: 'A' })),
    partTwoMet: true,
    coreValues: ['committed'],
    ...more,
  });

  it('ME-71, ME-76: recordImp records what fired and notifies the Course Tutor; a person decides', () => {
    const h = openMidEssex();
    h.ok(ME.courseTutor, imp(['emerging', 'emerging', 'developing']));
    const record = h.mustState().imp[0]!;
    expect(record.fired.map((f) => f.triggerId)).toEqual(['imp2-emerging']);
    expect(record.recordedBy).toBe(h.participantId(ME.courseTutor));
    const sent = notifications(h, 'imp-triggered');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.recipients).toContain(h.participantId(ME.courseTutor));
    expect(sent[0]?.rules).toEqual(expect.arrayContaining(['ME-76']));
    expect(h.mustState().current).toBeNull(); // it proposes; no stage starts by itself
    expect(viewAs(h, ME.courseTutor).imp[0]?.fired).toHaveLength(1);
    expect(viewAs(h, ME.trainee).imp).toEqual([]);
  });

  it('ME-71: a record that fires nothing notifies nobody; the Lead Subject Tutor may record, the mentor may not', () => {
    const h = openMidEssex();
    h.ok(ME.leadSubjectTutor, imp(['developing', 'securing', 'securing']));
    expect(h.mustState().imp[0]?.fired).toEqual([]);
    expect(notifications(h, 'imp-triggered')).toEqual([]);
    expect(h.run(ME.mentor, imp(['securing']))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('ME-72: grades and CORE values off the scale, and unknown points, are refused', () => {
    const h = openMidEssex();
    expect(h.run(ME.courseTutor, imp(['brilliant']))).toMatchObject({
      code: 'VALIDATION_FAILED',
      rules: ['ME-72'],
    });
    expect(h.run(ME.courseTutor, imp(['securing'], { coreValues: ['kind'] }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      rules: ['ME-72'],
    });
    expect(h.run(ME.courseTutor, imp(['securing'], { pointId: 'IMP4' }))?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(eventsOf(h, 'ImpRecorded')).toEqual([]);
  });

  it('ME-77: the CORE values note is kept with the record', () => {
    const h = openMidEssex();
    h.ok(
      ME.courseTutor,
      imp(['securing', 'excelling'], {
        pointId: 'IMP3',
        coreValues: ['committed'],
        standardsMetInFull: true,
      }),
    );
    expect(h.mustState().imp[0]?.notes).toEqual([
      'Expected at least 4 CORE value(s) at IMP 3 (end of Looking Ahead and Transition); 1 recorded.',
    ]);
  });

  it('BF-30: Bright Futures has no IMP points', () => {
    const h = openBrightFutures();
    expect(h.run(BF.lead, imp(['securing']))?.code).toBe('WRONG_STAGE');
  });
});
