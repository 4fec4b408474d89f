import { verbs } from '@shared/cards';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { must, who } from '../../support/service-fixture';
import { cardAction, messageExtension, mri, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';
import { activitiesTo, leaksIn } from './shared-scanner';

// Issue 8 item 1: in group chats and channels nothing the bot sends or updates for everyone
// carries case details; each person on the case gets their own view through refresh.

const chat = 'staff-group-chat';
const channel = '19:staffroom@thread.tacv2';
const inChat = (persona: string): From => ({
  persona,
  conversationType: 'groupChat',
  conversationId: chat,
});
const inChannel = (persona: string): From => ({
  persona,
  conversationType: 'channel',
  conversationId: channel,
});

function member(persona: string, shape: 'objectId' | 'aadObjectId', upper: boolean) {
  const p = demoPersonas.find((x) => x.id === persona)!;
  const fold = (s: string) => (upper ? s.toUpperCase() : s);
  return { id: mri(persona), name: p.name, [shape]: fold(p.oid), tenantId: fold(p.tid) };
}

// Teams' `GET .../members` answers `objectId`; other endpoints `aadObjectId`. Ids arrive in any case (item 3).
const members = [
  member('me-mentor', 'objectId', true),
  member('me-trainee-1', 'aadObjectId', false),
  member('bf-mentor', 'objectId', false),
  member('me-course-tutor', 'objectId', true),
  member('me-trainee-2', 'objectId', false),
  { id: '29:guest', name: 'A guest' },
];
const onCaseInChat = [mri('me-mentor'), mri('me-trainee-1'), mri('me-course-tutor')];

let h: BotHarness;
let caseId: string;

beforeAll(async () => {
  h = await startBotHarness({ members });
  caseId = await seedStageOneCase(h.services);
}, 60_000);
afterAll(async () => h.stop());

type Reply = { statusCode: number; type: string; value: unknown };
const replyOf = (res: { body: unknown }) => res.body as Reply;
const text = (value: unknown) => JSON.stringify(value);
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const planVersion = async () =>
  must(await h.services.cases.getCase(who('me-course-tutor'), caseId)).stage!.plan.version;
function refreshOf(body: unknown): { userIds?: string[] } | undefined {
  const b = body as { attachments?: { content?: { refresh?: { userIds?: string[] } } }[] };
  return b.attachments?.[0]?.content?.refresh;
}

describe('shared conversations never show case details (issue 8 item 1)', () => {
  it('signing from a card in a group chat rewrites the message as a neutral card, refreshed only for members on the case', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(
      cardAction(
        {
          verb: verbs.signPlan,
          caseId,
          planVersion: await planVersion(),
          typedFullName: 'Gareth Jones',
        },
        inChat('me-mentor'),
        h.connector.serviceUrl,
        'group-card-1',
      ),
    );
    // The clicker is on the case: their own answer may be their personal view.
    expect(text(replyOf(res).value)).toContain('You signed version');
    await settle();
    const updates = activitiesTo(h.connector.calls.slice(before), chat);
    expect(updates.map((u) => u.method)).toEqual(['PUT']);
    expect(leaksIn(updates[0]!.body)).toEqual([]);
    expect(text(updates[0]!.body)).toContain('A support case was updated');
    expect(refreshOf(updates[0]!.body)?.userIds).toEqual(onCaseInChat);
  });

  it('the same in a channel', async () => {
    const before = h.connector.calls.length;
    await h.post(
      cardAction(
        {
          verb: verbs.signPlan,
          caseId,
          planVersion: await planVersion(),
          typedFullName: 'Helen Moss',
        },
        inChannel('me-professional-tutor'),
        h.connector.serviceUrl,
        'channel-card-1',
      ),
    );
    await settle();
    const updates = activitiesTo(h.connector.calls.slice(before), channel);
    expect(updates).toHaveLength(1);
    expect(leaksIn(updates[0]!.body)).toEqual([]);
  });

  it('the refresh decides per user on the server: members on the case see their view, others the neutral card', async () => {
    const refresh = (persona: string) =>
      h.post({
        ...cardAction({ verb: verbs.refreshCase, caseId }, inChat(persona), h.connector.serviceUrl),
        value: {
          action: { type: 'Action.Execute', id: 'r', verb: verbs.refreshCase, data: { caseId } },
          trigger: 'automatic',
        },
      });
    const tutor = replyOf(await refresh('me-course-tutor'));
    const trainee = replyOf(await refresh('me-trainee-1'));
    const outsider = replyOf(await refresh('bf-mentor'));
    const sameProvider = replyOf(await refresh('me-trainee-2'));
    expect(text(tutor.value)).toContain('Emily Clarke');
    expect(text(trainee.value)).toContain('Emily Clarke');
    for (const neutral of [outsider, sameProvider]) {
      expect(neutral.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(leaksIn(neutral.value)).toEqual([]);
      expect(text(neutral.value)).toContain('A support case was updated');
    }
  });

  it('a click on "Show me" by someone not on the case answers the neutral card, not the case', async () => {
    const reply = replyOf(
      await h.post(
        cardAction({ verb: verbs.openCase, caseId }, inChat('bf-mentor'), h.connector.serviceUrl),
      ),
    );
    expect(leaksIn(reply.value)).toEqual([]);
  });

  it('the message extension in a group chat confirms only that a concern was recorded and who can see it', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(
      messageExtension(
        'composeExtension/submitAction',
        {
          data: {
            verb: 'submitConcern',
            caseId,
            category: 'medical-circumstances',
            description: 'MEDICAL-SENTINEL details',
            seriousIncident: 'true',
          },
          messagePayload: { body: { contentType: 'text', content: 'x' } },
        },
        inChat('me-mentor'),
        h.connector.serviceUrl,
      ),
    );
    expect(res.status).toBe(200);
    expect(leaksIn(res.body)).toEqual([]);
    await settle();
    const posted = activitiesTo(h.connector.calls.slice(before), chat);
    for (const p of posted) expect(leaksIn(p.body)).toEqual([]);
    expect(text(posted.at(-1)?.body ?? res.body)).toMatch(/concern was recorded/i);
    expect(text(posted.at(-1)?.body ?? res.body)).toMatch(/people on the case/i);
  });

  it('scanner: no activity the bot sent or updated in a shared conversation carried a case detail', () => {
    const shared = [
      ...activitiesTo(h.connector.calls, chat),
      ...activitiesTo(h.connector.calls, channel),
    ];
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.flatMap((c) => leaksIn(c.body))).toEqual([]);
  });
});
