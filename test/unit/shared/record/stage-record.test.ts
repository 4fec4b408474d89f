import { stageRecords } from '@shared/record/stage-record';
import {
  ME,
  meStage5Duties,
  meToStage1,
  meToStage2,
  meToStage3,
  meToStage4,
  meToStage5,
  openMidEssex,
  sharpTarget,
  signAll,
} from '../../../support/engine-fixtures';
import { record } from '../../../support/record-fixtures';

const signers = [
  [ME.trainee, 'trainee'],
  [ME.mentor, 'mentor'],
  [ME.professionalTutor, 'professionalMentor'],
  [ME.courseTutor, 'courseTutor'],
  [ME.leadSubjectTutor, 'leadSubjectTutor'],
] as const;

function fullCase() {
  const h = openMidEssex();
  const r = record(h, ME.courseTutor);
  meToStage1(h);
  // A change after signing: version 1's signatures are voided but kept; version 2 is signed again.
  const t1 = h.targetIds()[0]!;
  h.ok(ME.courseTutor, {
    ...sharpTarget('Stage 1 target 1'),
    type: 'updateTarget',
    targetId: t1,
    successCriteria: 'Three calm lessons',
  });
  signAll(h, signers);
  meToStage2(h);
  meToStage3(h);
  meToStage4(h, false);
  meToStage5(h);
  meStage5Duties(h);
  return { h, r };
}

test('BF-21, ME-79: every stage run stays readable after it ends, with every plan version and who signed which', () => {
  const { h, r } = fullCase();
  const stages = stageRecords(h.definition, r.events());
  expect(stages.map((s) => s.stageId)).toEqual([
    'pre-stage-1',
    'stage-1',
    'stage-2',
    'stage-3',
    'stage-4',
    'stage-5',
  ]);
  expect(stages.map((s) => s.current)).toEqual([false, false, false, false, false, true]);
  expect(stages.slice(0, 5).every((s) => s.endedAt !== null)).toBe(true);

  const stage1 = stages[1]!;
  const versions = stage1.planVersions.map((v) => v.version);
  expect(versions.at(-1)).toBeGreaterThan(versions[0]!);
  const signedFirst = stage1.planVersions.find((v) => v.signatures.length > 0)!;
  const last = stage1.planVersions.at(-1)!;
  expect(signedFirst.version).toBeLessThan(last.version);
  expect(signedFirst.signatures).toHaveLength(5);
  expect(signedFirst.signatures.every((s) => s.voided)).toBe(true);
  expect(signedFirst.fullySigned).toBe(false);
  expect(last.signatures.map((s) => [s.role, s.typedFullName, s.voided])).toEqual(
    signers.map(([who, role]) => [role, who.name, false]),
  );
  expect(last.fullySigned).toBe(true);
  expect(last.targets[0]?.successCriteria).toBe('Three calm lessons');
  expect(signedFirst.targets[0]?.successCriteria).toBe(
    'Two consecutive lessons with low-level disruption handled',
  );
  expect(stage1.reviews).toHaveLength(1);
  expect(stage1.reviews[0]?.allMet).toBe(false);

  const stage3 = stages[3]!;
  expect(stage3.observations.map((o) => o.definitionId)).toEqual(['joint-observation']);
  const stage4 = stages[4]!;
  expect(stage4.finalOutcome?.progress).toBe('insufficient');
  expect(stages[5]!.duties.map((d) => d.dutyId)).toContain('formal-letter');
});

test('ME-70: after the case closes every stage is still there, none current', () => {
  const { h, r } = fullCase();
  h.ok(ME.director, { type: 'recordAppealDecision', decision: 'declined' });
  h.ok(ME.director, { type: 'completeDuty', dutyId: 'exit-interview' });
  h.ok(ME.director, { type: 'startStage', stageId: 'stage-6', reason: 'To the board' });
  h.ok(ME.director, { type: 'closeCase', closureId: 'withdrawn', notes: 'Board confirmed' });
  expect(h.mustState().status.kind).toBe('closed');
  const stages = stageRecords(h.definition, r.events());
  expect(stages).toHaveLength(7);
  expect(stages.every((s) => !s.current && s.endedAt !== null)).toBe(true);
  expect(stages[1]!.planVersions.at(-1)?.fullySigned).toBe(true);
});
