/**
 * ME-22, ME-43 on Azurite and the local Graph: the overdue ladder's "then programme leadership"
 * and Director steps reach the provider-wide people in the staff directory when the case names
 * none (a Mid Essex case with no programme lead or director participant): their feeds receive
 * `review-overdue`, each rung once; the school staff and the trainee, not on those rungs, never.
 */
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import type { DeliveryRig } from '../../support/graph-fixture';
import { meStage1NotOnTrajectory, who } from '../../support/service-fixture';
import { feedOf, leader, rigWithDirectoryLeader } from './directory-leader';
import { acceptedTimed, movingClock } from './sweep-rig';

jest.setTimeout(120_000);

let rig: DeliveryRig | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  rig = undefined;
});

/** The overdue notifications the local Graph accepted, as mailbox -> count. */
const overdueFeeds = (r: DeliveryRig) =>
  Object.fromEntries(
    [...acceptedTimed(r)]
      .filter(([key]) => key.endsWith('|review-overdue'))
      .map(([key, n]) => [feedOf(key), n]),
  );

describe('ME-22, ME-43: the overdue ladder reaches the provider-wide staff a case does not name', () => {
  it('ME-22, ME-43: rung 1 to the course tutor and the directory programme lead and director; rung 2 to those two again; nobody else', async () => {
    const clock = movingClock('2026-01-05T09:00:00Z');
    rig = await rigWithDirectoryLeader(clock.clock);
    const id = await meStage1NotOnTrajectory(rig.services);
    const view = await rig.services.cases.getCase(who('me-course-tutor'), id);
    const latest = view.ok ? view.value.stage?.reviewWindow?.latest : undefined;
    expect(latest).toBe('2026-01-19');
    const roles = view.ok ? view.value.participants.map((p) => p.role) : [];
    expect(roles).not.toContain('programmeLead');
    expect(roles).not.toContain('director');
    const director = demoPersonas.find((p) => p.id === 'me-director')!.oid;
    const tutor = who('me-course-tutor').oid;

    clock.set('2026-01-20T09:00:00Z'); // overdue: rung 1
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    await rig.services.sweep.run();
    expect(overdueFeeds(rig)).toEqual({ [tutor]: 1, [leader.oid]: 1, [director]: 1 });

    clock.set('2026-01-22T09:00:00Z'); // two school days later: rung 2, leadership only
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    await rig.services.sweep.run();
    expect(overdueFeeds(rig)).toEqual({ [tutor]: 1, [leader.oid]: 2, [director]: 2 });
  });
});
