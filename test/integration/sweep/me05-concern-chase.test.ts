/**
 * ME-05 on Azurite and the local Graph: a concern the mentor raises between visits notifies the
 * course tutor at once; if she has not acknowledged it the timed sweep chases her a working day
 * later and the programme lead two working days later (the ladder's defaults), each once
 * (activity type `contact-not-acknowledged`), and nobody after acknowledging. The case names no
 * programme lead: the provider's staff directory does, and her feed is the one that receives it.
 */
import type { DeliveryRig } from '../../support/graph-fixture';
import { cmd, meCaseAt, must, schoolConcern, who } from '../../support/service-fixture';
import { feedOf, leader, rigWithDirectoryLeader } from './directory-leader';
import { acceptedTimed, movingClock } from './sweep-rig';

jest.setTimeout(120_000);

const monday = '2026-01-05T10:00:00Z';
const tuesday = '2026-01-06T09:00:00Z';
const wednesday = '2026-01-07T09:00:00Z';
const thursday = '2026-01-08T09:00:00Z';

let rigs: DeliveryRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.map((r) => r.graph.stop()));
  rigs = [];
});

/** A Mid Essex case opened on Monday with a concern the mentor raised; returns it and its concern. */
async function mentorConcern(clock: ReturnType<typeof movingClock>) {
  const rig = await rigWithDirectoryLeader(clock.clock);
  rigs.push(rig);
  const id = await meCaseAt(rig.services, 'opened');
  const raised = must(
    await rig.services.cases.execute(who('me-mentor'), id, schoolConcern(), cmd()),
  );
  const concernId = raised.view!.concerns[0]!.concernId;
  return { rig, id, concernId };
}

/** How many chases the local Graph accepted, per recipient and case. */
const chases = (rig: DeliveryRig) =>
  [...acceptedTimed(rig)].filter(([key]) => key.endsWith('|contact-not-acknowledged'));

describe('ME-05: a concern raised at the school is chased on a ladder until acknowledged', () => {
  it('ME-05: not acknowledged: the course tutor is chased the next working day, the directory programme lead the day after, each once', async () => {
    const clock = movingClock(monday);
    const { rig } = await mentorConcern(clock);
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    expect(chases(rig)).toEqual([]); // not due on the day it was raised
    clock.set(tuesday);
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    await rig.services.sweep.run();
    expect(chases(rig).map(([key, n]) => [feedOf(key), n])).toEqual([
      [who('me-course-tutor').oid, 1],
    ]);
    clock.set(wednesday);
    await rig.services.sweep.run();
    await rig.services.sweep.run();
    clock.set(thursday);
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    // The programme lead's feed, and nobody else's (not the director's, not the mentor's).
    expect(chases(rig).map(([key, n]) => [feedOf(key), n])).toEqual([
      [who('me-course-tutor').oid, 1],
      [leader.oid, 1],
    ]);
    const toLeader = rig.graph.requests.filter((r) => r.path.includes(leader.oid));
    expect(toLeader.length).toBeGreaterThan(0);
    for (const r of toLeader)
      expect((r.body as { activityType?: string }).activityType).toBe('contact-not-acknowledged');
    // Neutral text only: neither the concern's details nor "cause for concern" leave the case.
    for (const request of rig.graph.requests) {
      const body = JSON.stringify(request.body ?? null);
      expect(body).not.toContain('Absent three days');
      expect(body).not.toMatch(/cause for concern|concern/i);
    }
  });

  it('ME-05: acknowledged in one command before the working day is out: no chase, ever', async () => {
    const clock = movingClock(monday);
    const { rig, id, concernId } = await mentorConcern(clock);
    clock.set('2026-01-05T16:00:00Z');
    const acked = must(
      await rig.services.cases.execute(
        who('me-course-tutor'),
        id,
        { type: 'acknowledgeConcern', concernId },
        cmd(),
      ),
    );
    expect(acked.view?.concerns[0]?.acknowledgedAt).toBe('2026-01-05T16:00:00.000Z');
    for (const at of [tuesday, wednesday, thursday]) {
      clock.set(at);
      expect((await rig.services.sweep.run()).failed).toEqual([]);
    }
    expect(chases(rig)).toEqual([]);
    const again = await rig.services.cases.execute(
      who('me-course-tutor'),
      id,
      { type: 'acknowledgeConcern', concernId },
      cmd(),
    );
    expect(again.ok ? null : again.refusal.code).toBe('CONCERN_ALREADY_ACKNOWLEDGED');
  });
});
