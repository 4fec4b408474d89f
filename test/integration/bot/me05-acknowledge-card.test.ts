/**
 * ME-05 on the case card through the bot (Azurite, the real service): while a concern the
 * mentor raised waits for the course tutor, her card shows an "Acknowledge concern" button; one click
 * records the acknowledgement, the button goes, and a second click is refused naming ME-05.
 */
import { verbs } from '@shared/cards';
import { cmd, must, schoolConcern, who } from '../../support/service-fixture';
import { cardAction, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

let h: BotHarness;
let caseId: string;
let concernId: string;

beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
  const raised = must(
    await h.services.cases.execute(who('me-mentor'), caseId, schoolConcern(), cmd()),
  );
  concernId = raised.view!.concerns.find((c) => c.raisedByRole === 'mentor')!.concernId;
}, 60_000);
afterAll(async () => h.stop());

const tutor: From = { persona: 'me-course-tutor' };
const mentor: From = { persona: 'me-mentor' };
type Reply = { statusCode: number; type: string; value: unknown };
const text = (value: unknown) => JSON.stringify(value);

async function click(data: Record<string, unknown>, from: From): Promise<Reply> {
  return (await h.post(cardAction(data, from, h.connector.serviceUrl))).body as Reply;
}
const acknowledgeData = () => ({ verb: verbs.acknowledgeConcern, caseId, concernId });
const refreshed = (from: From) => click({ verb: verbs.refreshCase, caseId }, from);

describe('ME-05: acknowledging a school concern is one click on the case card', () => {
  it('ME-05: the course tutor sees the Acknowledge concern button; the mentor does not', async () => {
    expect(text((await refreshed(tutor)).value)).toContain(text(acknowledgeData()).slice(1, -1));
    expect(text((await refreshed(tutor)).value)).toContain('"title":"Acknowledge concern"');
    expect(text((await refreshed(mentor)).value)).not.toContain(verbs.acknowledgeConcern);
  });

  it('ME-05: one click records the acknowledgement and the button goes; a second click is refused naming ME-05', async () => {
    const reply = await click(acknowledgeData(), tutor);
    expect(text(reply.value)).toContain('Acknowledged');
    const view = must(await h.services.cases.getCase(who('me-course-tutor'), caseId));
    const concern = view.concerns.find((c) => c.concernId === concernId)!;
    expect(concern.acknowledgedAt).not.toBeNull();
    const after = text((await refreshed(tutor)).value);
    expect(after).toContain('"title":"Refresh"');
    expect(after).not.toContain(text(acknowledgeData()).slice(1, -1)); // this concern's button is gone
    const again = await click(acknowledgeData(), tutor);
    expect(text(again.value)).toContain('CONCERN_ALREADY_ACKNOWLEDGED');
    expect(text(again.value)).toContain('ME-05');
  });

  it('ME-05: the mentor cannot acknowledge by replaying the click', async () => {
    const reply = await click(acknowledgeData(), mentor);
    expect(text(reply.value)).toContain('ROLE_NOT_ALLOWED');
  });
});
