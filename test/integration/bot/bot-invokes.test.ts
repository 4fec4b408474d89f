import { verbs } from '@shared/cards';
import { must, who } from '../../support/service-fixture';
import { cardAction, message, mri, type From } from './activities';
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

const mentor: From = { persona: 'me-mentor' };
const outsider: From = { persona: 'bf-mentor' };
type Reply = { statusCode: number; type: string; value: unknown };

const replyOf = (res: { body: unknown }) => res.body as Reply;
const text = (value: unknown) => JSON.stringify(value);
// The verbs of the Action.Execute buttons in a card's body (not its refresh action).
function verbsIn(card: unknown): string[] {
  const walk = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(walk);
    if (typeof node !== 'object' || node === null) return [];
    const record = node as Record<string, unknown>;
    const own = record.type === 'Action.Execute' ? [String(record.verb)] : [];
    return [
      ...own,
      ...Object.entries(record)
        .filter(([k]) => k !== 'refresh')
        .flatMap(([, v]) => walk(v)),
    ];
  };
  const value = card as { body?: unknown; attachments?: { content?: { body?: unknown } }[] };
  return walk(value.body ?? value.attachments?.[0]?.content?.body);
}
const signatures = async () =>
  (await h.services.store.events(providerId, caseId)).filter((e) => e.type === 'PlanSigned');
const planVersion = async () =>
  must(await h.services.cases.getCase(who('me-course-tutor'), caseId)).stage!.plan.version;

async function sentTo(conversation: string, after: number) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return h.connector.calls
    .slice(after)
    .filter(
      (c) => c.path.includes(encodeURIComponent(conversation)) || c.path.includes(conversation),
    );
}

describe('personal chat commands', () => {
  it('"my cases" lists the mentor\'s trainees; anything else gets help', async () => {
    const before = h.connector.calls.length;
    expect((await h.post(message('My cases', mentor, h.connector.serviceUrl))).status).toBe(200);
    expect((await h.post(message('what can you do?', mentor, h.connector.serviceUrl))).status).toBe(
      200,
    );
    const sent = await sentTo('personal:me-mentor', before);
    expect(text(sent[0]?.body)).toContain('Emily Clarke');
    expect(text(sent[1]?.body)).toContain('raise a concern');
  });

  it('in a group chat shows no case data at all', async () => {
    const before = h.connector.calls.length;
    await h.post(
      message(
        'my cases',
        { ...mentor, conversationType: 'groupChat', conversationId: 'group-1' },
        h.connector.serviceUrl,
      ),
    );
    const sent = await sentTo('group-1', before);
    expect(sent).toHaveLength(1);
    expect(text(sent[0]?.body)).not.toContain('Emily');
    expect(text(sent[0]?.body)).toContain('personal chat');
  });
});

describe('signing the plan from a card', () => {
  it('opens the form for the current plan version, refuses a wrong name on the same form', async () => {
    const version = await planVersion();
    const form = replyOf(
      await h.post(
        cardAction(
          { verb: verbs.openSignPlan, caseId, planVersion: version },
          mentor,
          h.connector.serviceUrl,
        ),
      ),
    );
    expect(form.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(verbsIn(form.value)).toContain(verbs.signPlan);
    const wrong = replyOf(
      await h.post(
        cardAction(
          { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Someone Else' },
          mentor,
          h.connector.serviceUrl,
        ),
      ),
    );
    expect(text(wrong.value)).toContain('Type your full name as it appears on the plan');
    expect(await signatures()).toHaveLength(0);
  });

  it("signs, replaces the clicker's card, and rewrites the message for everyone (no personal buttons)", async () => {
    const version = await planVersion();
    const before = h.connector.calls.length;
    const activity = cardAction(
      { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Gareth Jones' },
      mentor,
      h.connector.serviceUrl,
      'case-card-msg',
    );
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    expect(text(replyOf(res).value)).toContain(`You signed version ${version} of the plan.`);
    const update = (await sentTo('personal:me-mentor', before)).find((c) => c.method === 'PUT');
    expect(update?.path).toMatch(
      /\/v3\/conversations\/personal(%3A|:)me-mentor\/activities\/case-card-msg$/,
    );
    expect(verbsIn(update?.body)).toEqual([verbs.refreshCase]);
    expect(text(update?.body)).toContain(`"userIds":["${mri('me-mentor')}"]`);
    expect(await signatures()).toHaveLength(1);
  });

  it('takes effect once under Teams redelivery and double clicks (I1)', async () => {
    const version = await planVersion();
    const tutor: From = { persona: 'me-professional-tutor' };
    const click = cardAction(
      { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Helen Moss' },
      tutor,
      h.connector.serviceUrl,
    );
    const [a, b] = await Promise.all([h.post(click), h.post(click)]);
    const c = await h.post(click);
    const doubleClick = await h.post({ ...click, id: 'another-click' });
    for (const res of [a, b, c, doubleClick]) {
      expect(res.status).toBe(200);
      expect(text(replyOf(res).value)).toContain('You signed version');
    }
    expect(
      (await signatures()).filter((e) => e.actor.oid === who('me-professional-tutor').oid),
    ).toHaveLength(1);
  });

  it("ignores an actor or role in card data: the signer is the activity's sender (Z1)", async () => {
    const version = await planVersion();
    const forged = {
      verb: verbs.signPlan,
      caseId,
      planVersion: version,
      typedFullName: 'Gareth Jones',
      signerOid: who('me-mentor').oid,
      role: 'mentor',
    };
    const before = (await h.services.store.events(providerId, caseId)).length;
    const director = replyOf(
      await h.post(cardAction(forged, { persona: 'me-director' }, h.connector.serviceUrl)),
    );
    const stranger = replyOf(await h.post(cardAction(forged, outsider, h.connector.serviceUrl)));
    expect(text(director.value)).toMatch(/NOT_A_SIGNER|not one of the people who sign/);
    expect(text(stranger.value)).toContain('NOT_FOUND');
    expect((await h.services.store.events(providerId, caseId)).length).toBe(before);
  });

  it('a captured click replayed by another user does nothing; by the same user adds nothing (Z2)', async () => {
    const version = await planVersion();
    const captured = cardAction(
      { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Gareth Jones' },
      mentor,
      h.connector.serviceUrl,
    );
    const before = (await h.services.store.events(providerId, caseId)).length;
    // The replayer's own Teams envelope (who they are, their chat) around the captured action.
    const replay = (persona: string) => ({
      ...cardAction({}, { persona }, h.connector.serviceUrl),
      value: captured.value,
    });
    const replayedByTrainee = replyOf(await h.post(replay('me-trainee-1')));
    const replayedByStranger = replyOf(await h.post(replay('bf-mentor')));
    expect(text(replayedByTrainee.value)).toContain(
      'Type your full name as it appears on the plan (Emily Clarke)',
    );
    expect(text(replayedByStranger.value)).toContain('NOT_FOUND');
    expect((await h.post(captured)).status).toBe(200);
    expect((await h.services.store.events(providerId, caseId)).length).toBe(before);
  });
});

describe('refresh and malformed actions', () => {
  it('a refresh by someone not on the case gets a read-only error card', async () => {
    const reply = replyOf(
      await h.post(
        cardAction({ verb: verbs.refreshCase, caseId }, outsider, h.connector.serviceUrl),
      ),
    );
    expect(text(reply.value)).toContain('NOT_FOUND');
    expect(verbsIn(reply.value)).toEqual([verbs.help]);
  });

  it("a member's refresh shows their own buttons from view.available", async () => {
    const reply = replyOf(
      await h.post(
        cardAction(
          { verb: verbs.refreshCase, caseId },
          { persona: 'me-course-tutor' },
          h.connector.serviceUrl,
        ),
      ),
    );
    const available = must(
      await h.services.cases.getCase(who('me-course-tutor'), caseId),
    ).available;
    expect(text(reply.value)).toContain('Emily Clarke');
    expect(verbsIn(reply.value).includes(verbs.openSignPlan)).toBe(
      available.some((a) => a.type === 'signPlan'),
    );
  });

  it('an activity whose two tenant fields disagree is refused', async () => {
    const mixed = {
      ...cardAction({ verb: verbs.refreshCase, caseId }, mentor, h.connector.serviceUrl),
      channelData: { tenant: { id: who('me-course-tutor').tid } },
    };
    expect(text(replyOf(await h.post(mixed)).value)).toContain('UNAUTHENTICATED');
  });

  it('an unknown verb or bad data is a 400 error response, not a crash', async () => {
    const unknown = replyOf(
      await h.post(
        cardAction({ verb: 'deleteEverything', caseId }, mentor, h.connector.serviceUrl),
      ),
    );
    const bad = replyOf(
      await h.post(
        cardAction(
          { verb: verbs.signPlan, caseId: 'not a case id', planVersion: 1 },
          mentor,
          h.connector.serviceUrl,
        ),
      ),
    );
    expect([unknown.statusCode, bad.statusCode]).toEqual([400, 400]);
  });
});
