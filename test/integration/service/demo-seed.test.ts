import { seedDemo } from '../../../functions/src/local/demo-seed';
import { freshServices, must, who } from '../../support/service-fixture';

describe('demo seed', () => {
  it('seeds trainees at different stages of both procedures, visible to the right personas', async () => {
    const s = await freshServices();
    await seedDemo(s);
    const lead = must(await s.cases.listMine(who('bf-programme-lead'), {}));
    expect(lead.map((c) => c.stageId).sort()).toEqual([null, 'stage-1', 'stage-2']);
    const tutor = must(await s.cases.listMine(who('me-course-tutor'), {}));
    expect(tutor.map((c) => c.stageId).sort()).toEqual([null, 'stage-1', 'stage-3']);
    const trainee = must(await s.cases.listMine(who('me-trainee-3'), {}));
    expect(trainee).toHaveLength(1);
    const mentorView = must(await s.cases.getCase(who('me-mentor'), trainee[0]!.caseId));
    expect(JSON.stringify(mentorView)).not.toContain('Occupational health');
    const tutorView = must(await s.cases.getCase(who('me-course-tutor'), trainee[0]!.caseId));
    expect(JSON.stringify(tutorView)).toContain('Occupational health');
  });
});
