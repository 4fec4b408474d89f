import { must, who } from '../../support/service-fixture';
import { messageExtension, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

let h: BotHarness;
let caseId: string;
let providerId: string;

beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
  providerId = caseId.split('.')[0]!;
}, 60_000);
afterAll(async () => h.stop());

const mentor: From = {
  persona: 'me-mentor',
  conversationType: 'groupChat',
  conversationId: 'school-staff-chat',
};
const link = 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1700000000000';
const payload = {
  id: '1700000000000',
  linkToMessage: link,
  from: { user: { id: 'u-1', displayName: 'Helen Moss' } },
  body: {
    contentType: 'html',
    content:
      '<p>Emily was <b>late</b> again &amp; unprepared.</p><p>[Click](https://evil.example)</p>',
  },
};
type Task = { task?: { type: string; value: { card?: { content: unknown } } | string } };
const text = (value: unknown) => JSON.stringify(value);
const concerns = async () =>
  (await h.services.store.events(providerId, caseId)).filter((e) => e.type === 'ConcernRaised');
const submit = (data: Record<string, unknown>, from: From = mentor) =>
  h.post(
    messageExtension(
      'composeExtension/submitAction',
      { data, messagePayload: payload },
      from,
      h.connector.serviceUrl,
    ),
  );

describe('"Raise a concern" message extension (HTTP level: the Playground has no action commands)', () => {
  it('fetchTask opens the form prefilled with the message as plain text and its author, own trainees only', async () => {
    const res = await h.post(
      messageExtension(
        'composeExtension/fetchTask',
        { messagePayload: payload },
        mentor,
        h.connector.serviceUrl,
      ),
    );
    expect(res.status).toBe(200);
    const task = (res.body as Task).task!;
    expect(task.type).toBe('continue');
    const card = text(task.value);
    expect(card).toContain(
      '"value":"Emily was late again & unprepared.\\n[Click](https://evil.example)"',
    );
    expect(card).toContain('Helen Moss');
    expect(card).toContain(`"value":"${caseId}"`);
    expect(card).toContain('Teaching causing concern');
    expect(card).toContain('"type":"Action.Submit"');
  });

  it('a trainee has no trainees to pick', async () => {
    const res = await h.post(
      messageExtension(
        'composeExtension/fetchTask',
        { commandContext: 'compose' },
        { persona: 'me-trainee-1' },
        h.connector.serviceUrl,
      ),
    );
    expect(text(res.body)).toContain('not named on any open case');
  });

  it('submitAction raises the concern through the service within 5 s and posts a card without its text', async () => {
    const before = h.connector.calls.length;
    const started = performance.now();
    const res = await submit({
      verb: 'submitConcern',
      caseId,
      category: 'teaching',
      description: 'Late again and unprepared.',
      seriousIncident: 'false',
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    // Issue 11 item 14: a response Teams accepts (an empty body shows "Invalid response").
    expect(res).toEqual({
      status: 200,
      body: {
        task: {
          type: 'message',
          value: 'The concern is recorded. Only the people on the case can see it, in the app.',
        },
      },
    });
    const raised = (await concerns()).at(-1)?.data as {
      concern: { description: string; source: unknown };
    };
    expect(raised.concern.description).toBe('Late again and unprepared.');
    expect(raised.concern.source).toEqual({
      kind: 'teams-message',
      url: link,
      author: 'Helen Moss',
    });
    const posted = await h.connector.waitFor(
      (c, i = h.connector.calls.indexOf(c)) => i >= before && c.method === 'POST',
    );
    expect(posted.path).toContain('school-staff-chat');
    expect(text(posted.body)).toContain('Concern recorded');
    expect(text(posted.body)).not.toContain('Late again');
    expect(text(posted.body)).not.toContain('Emily Clarke'); // a group chat: not even the trainee's name (P4)
  });

  it('a medical concern raised from a personal chat shows neither its text nor the word "medical" (Z7, P4)', async () => {
    const before = h.connector.calls.length;
    const personal: From = { persona: 'me-mentor' };
    await submit(
      {
        verb: 'submitConcern',
        caseId,
        category: 'medical-circumstances',
        description: 'MEDICAL-SENTINEL details',
        seriousIncident: 'false',
      },
      personal,
    );
    const posted = await h.connector.waitFor(
      (c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST',
    );
    expect(text(posted.body)).toContain('Emily Clarke');
    expect(text(posted.body)).not.toMatch(/MEDICAL-SENTINEL|medical/i);
    const all = h.connector.calls.map((c) => text(c.body)).join('\n');
    expect(all).not.toContain('MEDICAL-SENTINEL');
  });

  it('invalid input keeps the form open with a specific message and stores nothing', async () => {
    const count = (await concerns()).length;
    const res = await submit({
      verb: 'submitConcern',
      caseId,
      category: '',
      description: '',
      seriousIncident: 'false',
    });
    const task = (res.body as Task).task!;
    expect(task.type).toBe('continue');
    expect(text(task.value)).toContain('The concern is not valid');
    expect((await concerns()).length).toBe(count);
  });

  it('someone not on the case cannot raise a concern on it', async () => {
    const count = (await concerns()).length;
    const res = await submit(
      {
        verb: 'submitConcern',
        caseId,
        category: 'teaching',
        description: 'x',
        seriousIncident: 'false',
      },
      { persona: 'bf-mentor' },
    );
    expect(text(res.body)).toContain('continue');
    expect((await concerns()).length).toBe(count);
    expect(
      must(await h.services.cases.getCase(who('me-course-tutor'), caseId)).concerns.length,
    ).toBe(count);
  });
});
