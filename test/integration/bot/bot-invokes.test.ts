import { verbs } from '@shared/cards';
import { who } from '../../support/service-fixture';
import { cardAction, message } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

let h: BotHarness;
let caseId: string;

beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
}, 60_000);
afterAll(async () => h.stop());

const mentor = { persona: 'me-mentor' };
type CardBody = { statusCode: number; type: string; value: { body: unknown[] } };

describe('smoke', () => {
  it('"help" gets the help card', async () => {
    const res = await h.post(message('help', mentor, h.connector.serviceUrl));
    expect(res.status).toBe(200);
    const sent = await h.connector.waitFor((c) => c.method === 'POST' && c.path.includes('/activities'));
    expect(JSON.stringify(sent.body)).toContain('Support plans');
  });

  it('opening the sign form gives the sign card', async () => {
    const view = await h.services.cases.getCase(who('me-mentor'), caseId);
    expect(view.ok).toBe(true);
    const res = await h.post(cardAction({ verb: verbs.openSignPlan, caseId, planVersion: 1 }, mentor, h.connector.serviceUrl));
    expect(res.status).toBe(200);
    expect((res.body as CardBody).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body)).toContain('Type your full name to sign');
  });
});
