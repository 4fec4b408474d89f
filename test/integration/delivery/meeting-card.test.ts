import { caseCard } from '@shared/cards';
import {
  deliveryRig,
  bfStage1WithEmails,
  schedulePreliminary,
  withEmail,
  type DeliveryRig,
} from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(60_000);

const lead = who('bf-programme-lead');
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '10:00:00.000Z';
let rig: DeliveryRig;
beforeAll(async () => {
  rig = await deliveryRig();
});
afterAll(async () => {
  await (rig as DeliveryRig | undefined)?.graph.stop();
});

describe('meetings on the case card and the API view', () => {
  it('BF-05: a participant without an email address is named and scheduling is refused', async () => {
    const caseId = await bfStage1WithEmails(rig);
    const mentor = {
      ...withEmail('bf-professional-mentor'),
      role: 'mentor' as const,
      email: null,
      name: 'Nadia Noemail',
    };
    must(
      await rig.services.cases.execute(
        lead,
        caseId,
        { type: 'addParticipant', participant: mentor },
        cmd(),
      ),
    );
    const refused = await schedulePreliminary(rig, caseId, inAWeek());
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal.code).toBe('ATTENDEE_EMAIL_MISSING');
    expect(refused.refusal.message).toContain('Nadia Noemail');
    expect(refused.refusal.rules).toContain('BF-05');
    expect(rig.graph.requests.filter((r) => r.path.endsWith('/events'))).toHaveLength(0);
  });

  it('issue 11 item 16: the card lists the meeting with its join link and stops offering "Schedule" once booked', async () => {
    const caseId = await bfStage1WithEmails(rig);
    const before = must(await rig.services.cases.getCase(lead, caseId));
    expect(before.available.some((a) => a.type === 'scheduleMeeting')).toBe(true);
    must(await schedulePreliminary(rig, caseId, inAWeek()));
    const pending = must(await rig.services.cases.getCase(lead, caseId));
    expect(pending.available.some((a) => a.type === 'scheduleMeeting')).toBe(false);
    expect(
      JSON.stringify(caseCard({ view: pending, refreshUserIds: [], audience: 'viewer' })),
    ).toContain('invitations on their way');

    await rig.services.relay!.deliverCase('bright-futures-scitt', caseId);
    const view = must(await rig.services.cases.getCase(lead, caseId));
    const joinUrl = view.stage?.meetings[0]?.invitation?.joinUrl;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const card = JSON.stringify(caseCard({ view, refreshUserIds: [], audience: 'viewer' }));
    expect(card).toContain('Preliminary online meeting');
    expect(card).toContain('"type":"Action.OpenUrl"');
    expect(card).toContain(joinUrl);
    expect(card).not.toContain('"verb":"openScheduleMeeting"');
    // The copy everyone in a shared conversation sees carries no meeting details.
    const shared = JSON.stringify(caseCard({ view, refreshUserIds: [], audience: 'everyone' }));
    expect(shared).not.toContain(joinUrl);

    // Cancelled: the stage needs the meeting again, so "Schedule" comes back.
    must(
      await rig.services.cases.execute(
        lead,
        caseId,
        { type: 'cancelMeeting', meetingId: view.stage!.meetings[0]!.meetingId, reason: 'Moved' },
        cmd(),
      ),
    );
    const after = must(await rig.services.cases.getCase(lead, caseId));
    expect(after.available.some((a) => a.type === 'scheduleMeeting')).toBe(true);
  });

  it('a failed invitation shows "invitation not sent: <reason>; retry" with a retry button', async () => {
    const caseId = await bfStage1WithEmails(rig);
    rig.graph.setFaults({ rate: 1, kinds: ['500'] });
    try {
      must(await schedulePreliminary(rig, caseId, inAWeek()));
      await rig.services.relay!.deliverCase('bright-futures-scitt', caseId);
    } finally {
      rig.graph.setFaults({ rate: 0 });
    }
    const view = must(await rig.services.cases.getCase(lead, caseId));
    const card = JSON.stringify(caseCard({ view, refreshUserIds: [], audience: 'viewer' }));
    expect(card).toContain('invitation not sent: Graph answered 500 (generalException); retry');
    expect(card).toContain('"verb":"retryDelivery"');
    expect(card).toContain('Retry the meeting invitation');
  });
});
