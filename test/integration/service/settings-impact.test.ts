import { ProviderAdmin } from '../../../functions/src/services/provider-admin';
import { SettingsImpact } from '../../../functions/src/services/settings-impact';
import { freshServices, meStage1NotOnTrajectory, must, who } from '../../support/service-fixture';

/** Issue 11 item 11: a settings write reports which open cases' windows change and how, and records it on each. */
describe('settings that move live deadlines (item 11)', () => {
  it('X-01: switching Stage 1 and 2 to working days reports the moved window, and the case history records it', async () => {
    const now = new Date('2026-02-09T09:00:00Z'); // Monday before the February half term (16-20 Feb)
    const s = await freshServices(() => now);
    const admin = new ProviderAdmin(s.providers, {
      impact: new SettingsImpact(s.store, s.commands),
    });
    const ct = who('me-course-tutor');
    const id = await meStage1NotOnTrajectory(s);
    const untouched = await meStage1NotOnTrajectory(s, 'me-trainee-2');
    must(
      await s.cases.execute(
        ct,
        untouched,
        { type: 'setReviewDate', reviewDate: '2026-02-26' } as never,
        'cmd-untouched-1',
      ),
    );
    const before = must(await s.cases.getCase(ct, id)).stage!.reviewWindow!;
    expect(before).toMatchObject({ latest: '2026-03-02', unit: 'school' }); // half term does not count
    const read = must(await admin.read({ ...who('me-director'), appRoles: [] }, 'mid-essex-itt'));
    const write = await admin.write(
      { ...who('me-director'), appRoles: [] },
      {
        settings: { ...read.settings, values: { ...read.settings.values, ispDayUnit: 'working' } },
        procedure: null,
        ifMatch: read.etag,
      },
    );
    if (write.kind !== 'saved') throw new Error(write.kind);
    const changes = write.windowChanges ?? [];
    const mine = changes.find((c) => c.caseId === id);
    expect(mine).toMatchObject({
      traineeName: 'Emily Clarke',
      stageId: 'stage-1',
      before: { latest: '2026-03-02', unit: 'school' },
      after: { latest: '2026-02-23', unit: 'working' },
      recorded: true,
    });
    expect(mine?.rules).toContain('X-01');
    // the other case's window moved too, and its agreed review date now falls outside it
    expect(changes.find((c) => c.caseId === untouched)?.agreedDateOutside).toBe(true);
    const history = must(await s.cases.history(ct, id));
    const recorded = history.filter((e) => e.type === 'ReviewWindowChanged');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.actor).toMatchObject({
      tid: who('me-director').tid,
      oid: who('me-director').oid,
    });
    expect(must(await s.cases.getCase(ct, id)).stage!.reviewWindow!.latest).toBe('2026-02-23');
  });

  it('a settings write that moves no window reports none and writes nothing to the cases', async () => {
    const s = await freshServices(() => new Date('2026-02-09T09:00:00Z'));
    const admin = new ProviderAdmin(s.providers, {
      impact: new SettingsImpact(s.store, s.commands),
    });
    const id = await meStage1NotOnTrajectory(s);
    const read = must(await admin.read({ ...who('me-director'), appRoles: [] }, 'mid-essex-itt'));
    const write = await admin.write(
      { ...who('me-director'), appRoles: [] },
      {
        settings: { ...read.settings, name: 'Mid Essex ITT (renamed)' },
        procedure: null,
        ifMatch: read.etag,
      },
    );
    expect(write).toMatchObject({ kind: 'saved', windowChanges: [] });
    const history = must(await s.cases.history(who('me-course-tutor'), id));
    expect(history.map((e) => e.type)).not.toContain('ReviewWindowChanged');
  });
});
