import type { CaseCommand } from '@shared/domain/commands';
import { cmd, must, who } from '../../support/service-fixture';
import { message } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

// Issue 11 item 15: "due this week" covers reviews, plans waiting for this person's signature,
// open duties and meetings in the next 7 days, not review dates only.

let h: BotHarness;
let caseId: string;
beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
  const view = must(await h.services.cases.getCase(who('me-course-tutor'), caseId));
  const meeting = view.stage!.requiredMeetings[0]!;
  const start = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  start.setUTCHours(10, 0, 0, 0);
  const schedule = {
    type: 'scheduleMeeting',
    meetingDefinitionId: meeting.id,
    start: start.toISOString(),
    durationMinutes: 60,
    online: true,
    attendees: view.participants.filter((p) => p.active).map((p) => p.participantId),
  } as CaseCommand;
  must(await h.services.cases.execute(who('me-course-tutor'), caseId, schedule, cmd()));
}, 60_000);
afterAll(async () => h.stop());

async function dueFor(persona: string): Promise<string> {
  const before = h.connector.calls.length;
  await h.post(message('due this week', { persona }, h.connector.serviceUrl));
  const sent = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before);
  return JSON.stringify(sent.body);
}

describe('"due this week" (issue 11 item 15)', () => {
  it("lists the plan waiting for the mentor's signature and the meeting in the next 7 days", async () => {
    const card = await dueFor('me-mentor');
    expect(card).toContain('Emily Clarke');
    expect(card).toMatch(/Plan version \d+ is waiting for your signature/);
    expect(card).toContain('meeting,');
  });

  it('once the mentor has signed, their list no longer asks for the signature', async () => {
    const version = must(await h.services.cases.getCase(who('me-mentor'), caseId)).stage!.plan
      .version;
    const sign = { type: 'signPlan', planVersion: version, typedFullName: 'Gareth Jones' };
    must(await h.services.cases.execute(who('me-mentor'), caseId, sign as CaseCommand, cmd()));
    const card = await dueFor('me-mentor');
    expect(card).not.toMatch(/Plan version \d+ is waiting for your signature/);
    expect(card).toContain('meeting,');
  });

  it('shows nothing of a case the person is not on', async () => {
    const card = await dueFor('bf-mentor');
    expect(card).not.toContain('Emily Clarke');
  });
});
