import { verbs } from '@shared/cards';
import { who } from '../../support/service-fixture';
import { cardAction, message } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

// Issue 8 item 3: Teams may send Entra ids in any letter case; the bot normalises them once.

let h: BotHarness;
let caseId: string;
beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
}, 60_000);
afterAll(async () => h.stop());

function shouting<T extends { from: object; conversation: object; channelData: object }>(a: T): T {
  const mentor = who('me-mentor');
  return {
    ...a,
    from: { ...a.from, aadObjectId: mentor.oid.toUpperCase() },
    conversation: { ...a.conversation, tenantId: mentor.tid.toUpperCase() },
    channelData: { tenant: { id: mentor.tid.replace(/[a-f]/g, (c) => c.toUpperCase()) } },
  };
}

describe('upper- and mixed-case ids from Teams (issue 8 item 3)', () => {
  it('"my cases" finds the mentor\'s trainee when Teams sends their ids upper-case', async () => {
    const before = h.connector.calls.length;
    await h.post(shouting(message('my cases', { persona: 'me-mentor' }, h.connector.serviceUrl)));
    const sent = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before);
    expect(JSON.stringify(sent.body)).toContain('Emily Clarke');
  });

  it('a card action with upper-case ids acts as the same person (no two-organisation refusal)', async () => {
    const reply = await h.post(
      shouting(
        cardAction(
          { verb: verbs.refreshCase, caseId },
          { persona: 'me-mentor' },
          h.connector.serviceUrl,
        ),
      ),
    );
    const text = JSON.stringify(reply.body);
    expect(text).toContain('Emily Clarke');
    expect(text).not.toContain('UNAUTHENTICATED');
  });
});
