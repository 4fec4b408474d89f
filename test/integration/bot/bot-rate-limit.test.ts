import { verbs } from '@shared/cards';
import { createUserLimiter } from '../../../functions/src/http/user-rate-limit';
import { cardAction, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

let h: BotHarness;
let caseId: string;

beforeAll(async () => {
  h = await startBotHarness({ limitCardActions: createUserLimiter({ points: 3, seconds: 60 }) });
  caseId = await seedStageOneCase(h.services);
}, 60_000);
afterAll(async () => h.stop());

const click = (from: From, id: string) => ({
  ...cardAction({ verb: verbs.refreshCase, caseId }, from, h.connector.serviceUrl),
  id,
});

describe('R3: card actions are limited per person', () => {
  it('after the limit a person gets a card saying when to try again; another person is unaffected', async () => {
    const mentor: From = { persona: 'me-mentor' };
    for (let i = 0; i < 3; i += 1) {
      const res = await h.post(click(mentor, `click-${String(i)}`));
      expect(JSON.stringify(res.body)).not.toContain('RATE_LIMITED');
    }
    const refused = await h.post(click(mentor, 'click-3'));
    expect(refused.status).toBe(200);
    expect(JSON.stringify(refused.body)).toMatch(/Try again in \d+ seconds/);
    expect(JSON.stringify(refused.body)).toContain('Reference: RATE_LIMITED');
    const tutor = await h.post(click({ persona: 'me-course-tutor' }, 'tutor-click'));
    expect(JSON.stringify(tutor.body)).not.toContain('RATE_LIMITED');
    expect(JSON.stringify(tutor.body)).toContain('Emily');
  });
});
