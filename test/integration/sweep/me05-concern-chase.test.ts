/**
 * ME-05 on Azurite and the local Graph: a concern the mentor raises between visits notifies the
 * course tutor at once; if she has not acknowledged it a working day later the timed sweep
 * chases her once (activity type `contact-not-acknowledged`), and never after acknowledging.
 */
import type { DeliveryRig } from '../../support/graph-fixture';
import { deliveryRig } from '../../support/graph-fixture';
import { cmd, meCaseAt, must, who } from '../../support/service-fixture';
import { acceptedTimed, movingClock } from './sweep-rig';

jest.setTimeout(120_000);

const monday = '2026-01-05T10:00:00Z';
const tuesday = '2026-01-06T09:00:00Z';
const wednesday = '2026-01-07T09:00:00Z';
let rigs: DeliveryRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.map((r) => r.graph.stop()));
  rigs = [];
});

/** A Mid Essex case opened on Monday with a concern the mentor raised; returns it and its concern. */
async function mentorConcern(clock: ReturnType<typeof movingClock>) {
  const rig = await deliveryRig({ clock: clock.clock });
  rigs.push(rig);
  const id = await meCaseAt(rig.services, 'opened');
  const raised = must(
    await rig.services.cases.execute(
      who('me-mentor'),
      id,
      {
        type: 'raiseConcern',
        category: 'absence',
        description: 'Absent three days this week',
        evidence: null,
        source: null,
        seriousIncident: false,
      },
      cmd(),
    ),
  );
  const concernId = raised.view!.concerns[0]!.concernId;
  return { rig, id, concernId };
}

/** How many chases the local Graph accepted, per recipient and case. */
const chases = (rig: DeliveryRig) =>
  [...acceptedTimed(rig)].filter(([key]) => key.endsWith('|contact-not-acknowledged'));

describe('ME-05: a concern raised at the school is chased once if not acknowledged in a working day', () => {
  it('ME-05: not acknowledged by the next working day: the sweep chases the course tutor once, however often it runs', async () => {
    const clock = movingClock(monday);
    const { rig } = await mentorConcern(clock);
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    expect(chases(rig)).toEqual([]); // not due on the day it was raised
    clock.set(tuesday);
    expect((await rig.services.sweep.run()).failed).toEqual([]);
    await rig.services.sweep.run();
    clock.set(wednesday);
    await rig.services.sweep.run();
    const sent = chases(rig);
    expect(sent).toHaveLength(1);
    expect(sent[0]![1]).toBe(1);
    expect(sent[0]![0]).toContain(who('me-course-tutor').oid);
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
    for (const at of [tuesday, wednesday]) {
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
