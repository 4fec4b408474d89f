import { freshServices, meStage1NotOnTrajectory, must, who } from '../../support/service-fixture';

describe('review sweep (timer)', () => {
  it('ME-27/ME-16: an overdue Stage 1 review is escalated once to the course tutor, even when the sweep runs twice (I2)', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await freshServices(() => now);
    const ct = who('me-course-tutor');
    const id = await meStage1NotOnTrajectory(s);
    const window = must(await s.cases.getCase(ct, id)).stage!.reviewWindow!;
    expect(window).toMatchObject({ earliest: '2026-01-12', latest: '2026-01-19', unit: 'school' });
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] });
    now = new Date('2026-01-20T09:00:00Z');
    const [first, second] = await Promise.all([s.sweep.run(), s.sweep.run()]);
    expect([...first.escalated, ...second.escalated]).toEqual([id]);
    expect([...first.failed, ...second.failed]).toEqual([]);
    expect(await s.sweep.run()).toMatchObject({ escalated: [], failed: [] });
    const events = await s.store.events('mid-essex-itt', id);
    expect(events.filter((e) => e.type === 'ReviewOverdueFlagged')).toHaveLength(1);
    expect(must(await s.cases.getCase(ct, id)).stage?.reviewOverdue).toBe(true);
  });
});
