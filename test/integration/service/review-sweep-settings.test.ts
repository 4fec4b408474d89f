import { freshServices, meStage1NotOnTrajectory, must, who } from '../../support/service-fixture';

/** Issue 11 item 7: the sweep sees every open case's current window, even after a settings change moved it. */
describe('review sweep after a settings change (item 7)', () => {
  it('ME-27, X-01: a window brought forward by removing INSET days is escalated on its new date, though the case was not written', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await freshServices(() => now);
    const ct = who('me-course-tutor');
    const setClosures = async (
      closures: { date: string; label: string; appliesTo: 'school' }[],
    ) => {
      s.providers.invalidate();
      const current = (await s.providers.get('mid-essex-itt'))!;
      const calendar = { ...current.settings.calendar, closures };
      must(await s.providers.put({ ...current.settings, calendar }, null, current.etag));
      s.providers.invalidate();
    };
    await setClosures([
      { date: '2026-01-07', label: 'INSET day', appliesTo: 'school' },
      { date: '2026-01-08', label: 'INSET day', appliesTo: 'school' },
    ]);
    const id = await meStage1NotOnTrajectory(s);
    expect(must(await s.cases.getCase(ct, id)).stage!.reviewWindow!.latest).toBe('2026-01-21');
    await setClosures([]); // the provider corrects its calendar: the window now ends on the 19th
    expect(must(await s.cases.getCase(ct, id)).stage!.reviewWindow!.latest).toBe('2026-01-19');
    now = new Date('2026-01-20T09:00:00Z');
    expect(await s.sweep.run()).toMatchObject({ escalated: [id], failed: [] });
    const flagged = (await s.store.events('mid-essex-itt', id)).filter(
      (e) => e.type === 'ReviewOverdueFlagged',
    );
    expect(flagged.map((e) => (e.data as { dueDate: string }).dueDate)).toEqual(['2026-01-19']);
  });

  it('ME-22: the ladder climbs on later runs: rung 2 after two more counting days, rung 3 after five, each once', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const s = await freshServices(() => now);
    const id = await meStage1NotOnTrajectory(s);
    const rungs = async () =>
      (await s.store.events('mid-essex-itt', id))
        .filter((e) => e.type === 'ReviewOverdueFlagged')
        .map((e) => (e.data as { rung?: number }).rung ?? 1);
    now = new Date('2026-01-20T09:00:00Z');
    await s.sweep.run();
    now = new Date('2026-01-22T09:00:00Z'); // 19th + 2 school days = 21st, passed
    await s.sweep.run();
    await s.sweep.run();
    expect(await rungs()).toEqual([1, 2]);
    now = new Date('2026-01-27T09:00:00Z'); // 19th + 5 school days = 26th, passed
    await s.sweep.run();
    await s.sweep.run();
    expect(await rungs()).toEqual([1, 2, 3]);
  });
});
