import { verbs } from '@shared/cards';
import { bfCaseAt, who } from '../../support/service-fixture';
import { cardAction, message } from './activities';
import { startBotHarness, type BotHarness } from './bot-harness';

// Issue 11 item 13: Bright Futures lets the trainee raise a concern about themselves (BF-03),
// through the API and so in Teams too.

let h: BotHarness;
let caseId: string;
beforeAll(async () => {
  h = await startBotHarness();
  caseId = await bfCaseAt(h.services, 'stage-1');
}, 60_000);
afterAll(async () => h.stop());

const trainee = { persona: 'bf-trainee-1' };

describe('BF-03: a trainee raises a concern on their own case in Teams', () => {
  it('BF-03: "raise a concern" offers the trainee their own open case, not "not named on any open case"', async () => {
    const before = h.connector.calls.length;
    await h.post(message('raise a concern', trainee, h.connector.serviceUrl));
    const sent = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before);
    const card = JSON.stringify(sent.body);
    expect(card).not.toContain('not named on any open case');
    expect(card).toContain(`"value":"${caseId}"`);
    expect(card).toContain('Tom Barker');
  });

  it('BF-03: submitting the form records the concern with the trainee as the one who raised it', async () => {
    const reply = await h.post(
      cardAction(
        {
          verb: verbs.submitConcern,
          caseId,
          category: 'wellbeing-workload',
          description: 'I am struggling with my workload.',
          seriousIncident: 'false',
        },
        trainee,
        h.connector.serviceUrl,
      ),
    );
    expect(JSON.stringify(reply.body)).toContain('Concern recorded');
    const raised = (await h.services.store.events('bright-futures-scitt', caseId)).filter(
      (e) => e.type === 'ConcernRaised' && e.actor.oid === who('bf-trainee-1').oid,
    );
    expect(raised).toHaveLength(1);
  });
});
