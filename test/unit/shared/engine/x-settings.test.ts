import { ME, openMidEssex, sharpTarget, viewAs } from '../../../support/engine-fixtures';

const ct = ME.courseTutor;

function seriousIncident(settings: Record<string, unknown>) {
  const h = openMidEssex({ settings });
  h.ok(ct, {
    type: 'raiseConcern',
    category: 'professional-conduct',
    description: 'Significant breach of acceptable behaviour',
    seriousIncident: true,
  });
  return h;
}

describe('ambiguities settled by provider settings', () => {
  it('X-07, ME-21: the serious-incident fast track is on by default and can be turned off', () => {
    const on = seriousIncident({});
    on.ok(ct, { type: 'startStage', stageId: 'stage-3', entryId: 'serious-incident', reason: 'x' });
    expect(on.mustState().current?.stageId).toBe('stage-3');
    const off = seriousIncident({ seriousIncidentFastTrack: false });
    const refusal = off.run(ct, {
      type: 'startStage',
      stageId: 'stage-3',
      entryId: 'serious-incident',
      reason: 'x',
    });
    expect(refusal?.code).toBe('GUARD_FAILED');
    expect(refusal?.rules).toContain('X-07');
  });

  it('X-04, ME-28: the Course Tutor signs Stage 1 as reviewer by default; a provider may leave them out', () => {
    const start = (settings: Record<string, unknown>) => {
      const h = openMidEssex({ settings });
      h.ok(ct, {
        type: 'raiseConcern',
        category: 'not-yet-on-trajectory',
        description: 'Below trajectory',
      });
      h.ok(ct, {
        type: 'startStage',
        stageId: 'stage-1',
        entryId: 'not-yet-on-trajectory',
        reason: 'ISP',
      });
      h.ok(ct, sharpTarget('T1'));
      return viewAs(h, ct).stage!.signers.map((s) => s.role);
    };
    expect(start({})).toContain('courseTutor');
    expect(
      start({ stage1Signers: ['trainee', 'mentor', 'professionalMentor', 'leadSubjectTutor'] }),
    ).not.toContain('courseTutor');
  });
});
