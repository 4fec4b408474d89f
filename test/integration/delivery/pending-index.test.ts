/**
 * The pending-effects index on Azurite and the local Graph (ADR 0005): a command's index row is
 * the re-drive's only way back to an effect whose queue message was lost or whose relay died. So
 * a relay that finds another relay holding a live claim on one of the command's effects must
 * leave the row, and when that holder dies the re-drive delivers the effect once, after the lease.
 */
import { OutboxRelay } from '../../../functions/src/services/delivery/outbox-relay';
import { bfStage1WithEmails, deliveryRig, schedulePreliminary } from '../../support/graph-fixture';
import type { DeliveryRig } from '../../support/graph-fixture';
import { must } from '../../support/service-fixture';

jest.setTimeout(60_000);

let rig: DeliveryRig | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  rig = undefined;
});

const provider = 'bright-futures-scitt';
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '09:30:00.000Z';

describe('the pending-effects index outlives a relay that dies holding a claim', () => {
  it('ADR 0005: a live claim elsewhere keeps the command\u2019s index row; after the lease the re-drive books the meeting once', async () => {
    rig = await deliveryRig();
    const caseId = await bfStage1WithEmails(rig);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    const outbox = rig.services.outbox;
    const now = new Date();
    const pending = await outbox.pending(provider, caseId, now, 60_000);
    const meeting = pending.find((p) => p.effect.kind === 'createMeeting');
    expect(meeting).toBeDefined();
    // Another relay claims the meeting and dies before sending it.
    expect(await outbox.claim(provider, meeting!, now)).not.toBeNull();

    let clock = now;
    const relay = new OutboxRelay({
      commands: rig.services.commands,
      store: rig.services.store,
      outbox,
      providers: rig.services.providers,
      deliverer: rig.deliverer,
      clock: () => clock,
      leaseMs: 60_000,
    });
    await relay.deliverCase(provider, caseId);
    const events = () =>
      rig!.graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(events()).toHaveLength(0);
    // The row stays: the re-drive still knows the case has something unsettled.
    expect(await outbox.staleCases(provider, new Date(now.getTime() + 1_000))).toContain(caseId);

    clock = new Date(now.getTime() + 2 * 60_000); // the dead relay's lease has run out
    expect(await relay.redrive()).toContain(caseId);
    expect(events()).toHaveLength(1);
    expect(await outbox.pending(provider, caseId, clock, 60_000)).toEqual([]);
    expect(await outbox.staleCases(provider, new Date(clock.getTime() + 1_000))).not.toContain(
      caseId,
    );
  });
});
