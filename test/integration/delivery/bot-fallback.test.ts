import { randomInt } from 'node:crypto';
import {
  ConversationReferences,
  type ConversationReference,
} from '../../../functions/src/bot/conversations/conversation-references';
import { silentLogger } from '../../../functions/src/http/logger';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { ProactiveBot } from '../../../functions/src/services/delivery/proactive-bot';
import { bfStage1WithEmails, deliveryRig, type DeliveryRig } from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';
import { message } from '../bot/activities';
import { startBotHarness, type BotHarness } from '../bot/bot-harness';
import type { ConnectorCall } from '../bot/fake-connector';

jest.setTimeout(60_000);

const provider = 'bright-futures-scitt';
const sentinel = 'SENTINEL-HEALTH-4411';
// Liam Walsh: the local Graph has our Teams app NOT installed for him (demoGraphUsers).
const liam = demoPersonas.find((p) => p.id === 'bf-trainee-3')!;

let rig: DeliveryRig | undefined;
let bot: BotHarness | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  await bot?.stop();
  rig = undefined;
  bot = undefined;
});

function references(): ConversationReferences {
  const connection = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (connection === undefined) throw new Error('AZURE_TABLES_CONNECTION_STRING is not set');
  const name = `botconv${String(Date.now())}${String(randomInt(1_000_000))}`;
  return new ConversationReferences(openTable({ connectionString: connection }, name));
}

function proactive(
  refs: ConversationReferences,
  token: ((scope: string) => Promise<string>) | null = null,
): ProactiveBot {
  return new ProactiveBot({
    references: refs,
    token,
    allowServiceUrl: (url) => new URL(url).hostname === '127.0.0.1',
    link: (caseId) => `https://teams.example/l/entity/app/cases?subEntityId=${caseId}`,
    log: silentLogger,
  });
}

/** A Bright Futures case for Liam at Stage 1 (stage-started notifies him, BF-01), with a special-category concern. */
async function liamsCase(r: DeliveryRig): Promise<string> {
  const caseId = await bfStage1WithEmails(r, 'bf-trainee-3');
  must(
    await r.services.cases.execute(
      who('bf-mentor'),
      caseId,
      {
        type: 'raiseConcern',
        category: 'medical-circumstances',
        description: `${sentinel}: a Cause for Concern about health`,
        evidence: null,
        source: null,
        seriousIncident: false,
      },
      cmd(),
    ),
  );
  return caseId;
}

async function liamsDeliveries(r: DeliveryRig, caseId: string) {
  const view = must(await r.services.cases.getCase(who('bf-programme-lead'), caseId));
  const liamId = view.participants.find((p) => p.role === 'trainee')!.participantId;
  const events = await r.services.store.events(provider, caseId);
  return events
    .filter((e) => e.type === 'NotificationDelivered')
    .map((e) => e.data as { recipient: string; channel: string; template: string })
    .filter((d) => d.recipient === liamId);
}

const proactiveCalls = (calls: readonly ConnectorCall[], conversationId: string) =>
  calls.filter(
    (c) => c.method === 'POST' && c.path === `/v3/conversations/${conversationId}/activities`,
  );

describe('proactive bot fallback when Graph refuses an activity notification (issue 9 §3)', () => {
  it('BF-01: Liam messaged the bot, so the refused feed notification reaches his personal chat: neutral text, a link to the case, channel bot recorded', async () => {
    const refs = references();
    bot = await startBotHarness({ conversations: refs });
    const hello = await bot.post(
      message('help', { persona: 'bf-trainee-3' }, bot.connector.serviceUrl),
    );
    expect(hello.status).toBeLessThan(300);
    const stored = await refs.find(liam.tid, liam.oid);
    expect(stored).toEqual<ConversationReference>({
      tenantId: liam.tid,
      userId: liam.oid,
      conversationId: 'personal:bf-trainee-3',
      serviceUrl: bot.connector.serviceUrl,
      botId: '28:support-plans-bot',
    });

    rig = await deliveryRig({ bot: proactive(refs) });
    const caseId = await liamsCase(rig);
    const before = proactiveCalls(bot.connector.calls, 'personal:bf-trainee-3').length;
    await rig.services.relay!.deliverCase(provider, caseId);

    // Graph refused the feed notification for Liam (403, app not installed) ...
    const refused = rig.graph.requests.filter(
      (r) =>
        r.inBatch &&
        r.path === `/users/${liam.oid}/teamwork/sendActivityNotification` &&
        r.status === 403,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(rig.graph.mailboxes.find(liam.oid)!.feed).toHaveLength(0);
    // ... so the bot wrote to him, once per notification, and no mail went to him.
    const sent = proactiveCalls(bot.connector.calls, 'personal:bf-trainee-3').slice(before);
    const deliveries = await liamsDeliveries(rig, caseId);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.channel === 'bot')).toBe(true);
    expect(deliveries.map((d) => d.template)).toContain('stage-started');
    expect(sent).toHaveLength(deliveries.length);
    const body = sent[0]!.body as { type: string; text: string; from: { id: string } };
    expect(body.type).toBe('message');
    expect(body.from.id).toBe('28:support-plans-bot');
    expect(body.text).toMatch(/^Liam: /);
    expect(body.text).toContain(`https://teams.example/l/entity/app/cases?subEntityId=${caseId}`);
    const outbound = JSON.stringify(sent);
    expect(outbound).not.toContain(sentinel);
    expect(outbound.toLowerCase()).not.toContain('cause for concern');
    expect(outbound).not.toContain('Medical');
    expect(rig.graph.mailboxes.find(demoEmail(liam))!.inbox).toHaveLength(0);
  });

  it('no conversation with the bot: the refused notification goes by email, channel email recorded, nothing to the connector', async () => {
    const refs = references();
    bot = await startBotHarness({ conversations: refs });
    rig = await deliveryRig({ bot: proactive(refs) });
    const caseId = await liamsCase(rig);
    await rig.services.relay!.deliverCase(provider, caseId);

    const deliveries = await liamsDeliveries(rig, caseId);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.channel === 'email')).toBe(true);
    const inbox = rig.graph.mailboxes.find(demoEmail(liam))!.inbox;
    expect(inbox).toHaveLength(deliveries.length);
    expect(JSON.stringify(inbox)).not.toContain(sentinel);
    expect(bot.connector.calls.filter((c) => c.path.includes('/activities'))).toHaveLength(0);
  });

  it('the connector no longer knows the conversation (404): the reference is forgotten and the notification goes by email', async () => {
    const refs = references();
    bot = await startBotHarness({ conversations: refs });
    await bot.post(message('help', { persona: 'bf-trainee-3' }, bot.connector.serviceUrl));
    expect(await refs.find(liam.tid, liam.oid)).toBeDefined();
    rig = await deliveryRig({ bot: proactive(refs) });
    const caseId = await liamsCase(rig);
    for (let i = 0; i < 5; i += 1)
      bot.connector.failNext((c) => c.path.endsWith('/activities'), 404);
    await rig.services.relay!.deliverCase(provider, caseId);

    const deliveries = await liamsDeliveries(rig, caseId);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.channel === 'email')).toBe(true);
    expect(await refs.find(liam.tid, liam.oid)).toBeUndefined();
  });

  it('outside local mode the message carries an app-only token for the Bot Framework scope, and never goes to a service URL it may not send to', async () => {
    const refs = references();
    bot = await startBotHarness({ conversations: refs });
    await bot.post(message('help', { persona: 'bf-trainee-3' }, bot.connector.serviceUrl));
    const scopes: string[] = [];
    const withToken = proactive(refs, (scope) => {
      scopes.push(scope);
      return Promise.resolve('bot-framework-token');
    });
    const person = { tenantId: liam.tid, objectId: liam.oid };
    await expect(withToken.send(person, 'Liam: hello')).resolves.toBe(true);
    expect(scopes).toEqual(['https://api.botframework.com/.default']);
    const [call] = proactiveCalls(bot.connector.calls, 'personal:bf-trainee-3').filter(
      (c) => (c.body as { text?: string }).text === 'Liam: hello',
    );
    expect(call?.authorization).toBe('Bearer bot-framework-token');

    const nowhere = new ProactiveBot({
      references: refs,
      token: () => Promise.resolve('bot-framework-token'),
      allowServiceUrl: () => false,
      link: () => '',
      log: silentLogger,
    });
    const calls = bot.connector.calls.length;
    await expect(nowhere.send(person, 'Liam: hello again')).resolves.toBe(false);
    expect(bot.connector.calls).toHaveLength(calls);
  });

  it('installing the app in a personal scope keeps the conversation; removing it forgets it; a group chat keeps nothing', async () => {
    const refs = references();
    bot = await startBotHarness({ conversations: refs });
    const base = message('', { persona: 'bf-trainee-3' }, bot.connector.serviceUrl);
    const install = (action: 'add' | 'remove') => ({
      ...base,
      type: 'installationUpdate',
      action,
      text: undefined,
    });
    await bot.post(
      message('help', { persona: 'bf-trainee-3', conversationType: 'groupChat' }, base.serviceUrl),
    );
    expect(await refs.find(liam.tid, liam.oid)).toBeUndefined();
    expect((await bot.post(install('add'))).status).toBeLessThan(300);
    expect((await refs.find(liam.tid, liam.oid))?.conversationId).toBe('personal:bf-trainee-3');
    expect((await bot.post(install('remove'))).status).toBeLessThan(300);
    expect(await refs.find(liam.tid, liam.oid)).toBeUndefined();
  });
});
