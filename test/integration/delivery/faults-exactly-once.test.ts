import type { StoredEvent } from '../../../functions/src/infrastructure/tables/case-store-port';
import {
  bfStage1WithEmails,
  deliveryRig,
  schedulePreliminary,
  type DeliveryRig,
} from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(180_000);

const lead = who('bf-programme-lead');
const provider = 'bright-futures-scitt';
const sentinel = 'SENTINEL-HEALTH-7319';
let rig: DeliveryRig;
afterAll(async () => {
  await (rig as DeliveryRig | undefined)?.graph.stop();
});

async function history(caseId: string): Promise<StoredEvent[]> {
  return rig.services.store.events(provider, caseId);
}

describe('30% injected 429 / 503 / 500 / timeouts: every meeting and notification delivered exactly once', () => {
  it('delivers, records failures, retries them, and never sends anything twice; no outbound payload carries case details', async () => {
    rig = await deliveryRig({
      faults: {
        rate: 0.3,
        kinds: ['429', '503', '500', 'timeout'],
        retryAfterSeconds: 0,
        hangMs: 1_500,
      },
      retry: { timeoutMs: 400, attempts: 3 },
      seed: 42,
    });
    const cases: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const caseId = await bfStage1WithEmails(rig);
      // Special-category text and "cause for concern" wording stay in the case (ME-23).
      must(
        await rig.services.cases.execute(
          who('bf-mentor'),
          caseId,
          {
            type: 'raiseConcern',
            category: 'medical-circumstances',
            description: `${sentinel}: a Cause for Concern about health`,
            evidence: null,
            source: null,
            seriousIncident: false,
          },
          cmd(),
        ),
      );
      const start =
        new Date(Date.now() + (7 + i) * 86_400_000).toISOString().slice(0, 11) + '09:00:00.000Z';
      must(await schedulePreliminary(rig, caseId, start));
      cases.push(caseId);
    }
    for (const caseId of cases) await rig.services.relay!.deliverCase(provider, caseId);
    // Whatever failed is on the case; retry it with Graph healthy again, as a person would.
    rig.graph.setFaults({ rate: 0 });
    for (const caseId of cases) {
      const view = must(await rig.services.cases.getCase(lead, caseId));
      for (const retry of view.available.filter((a) => a.type === 'retryDelivery'))
        must(
          await rig.services.cases.execute(
            lead,
            caseId,
            { type: 'retryDelivery', effectId: String(retry.params.effectId) },
            cmd(),
          ),
        );
      await rig.services.relay!.deliverCase(provider, caseId);
    }
    // Crash leftovers (timeouts mid-claim) are taken over by the re-drive once their lease ends.
    await rig.services.relay!.redrive(0);

    expect(rig.graph.requests.some((r) => r.fault !== null)).toBe(true);
    const organizer = rig.graph.mailboxes.find('priya.shah@provider.example')!;
    for (const caseId of cases) {
      const view = must(await rig.services.cases.getCase(lead, caseId));
      const meeting = view.stage!.meetings[0]!;
      expect(meeting.invitation?.status).toBe('sent');
      const events = organizer.calendar.filter(
        (e) =>
          e.role === 'organizer' &&
          e.event.transactionId === `support-meeting-${meeting.meetingId}`,
      );
      expect(events).toHaveLength(1);
      const sent = (await history(caseId)).filter((e) => e.type === 'MeetingInvitationSent');
      expect(sent).toHaveLength(1);
      expect(view.available.filter((a) => a.type === 'retryDelivery')).toEqual([]);
    }
    // Every feed item was recorded exactly once, and nothing recorded was not delivered.
    const recorded = new Map<string, number>();
    for (const caseId of cases)
      for (const e of await history(caseId)) {
        const data = e.data as { recipient?: string; channel?: string };
        if (e.type === 'NotificationDelivered' && data.channel === 'activity-feed') {
          const key = `${caseId}|${data.recipient ?? ''}`;
          recorded.set(key, (recorded.get(key) ?? 0) + 1);
        }
      }
    const feedTotal = rig.graph.mailboxes.all().reduce((n, box) => n + box.feed.length, 0);
    const recordedTotal = [...recorded.values()].reduce((n, c) => n + c, 0);
    expect(recordedTotal).toBeGreaterThan(0);
    expect(feedTotal).toBe(recordedTotal);

    // The scanner: every payload that left for Graph is neutral.
    for (const request of rig.graph.requests) {
      const text = JSON.stringify(request.body ?? null);
      expect(text).not.toContain(sentinel);
      expect(text).not.toMatch(/cause for concern/i);
      expect(text).not.toMatch(/medical|health/i);
    }
  });
});
