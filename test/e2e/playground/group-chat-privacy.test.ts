import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verbs } from '@shared/cards';
import { createBotRoutes, directoryCategories } from '../../../functions/src/bot/bot-routes';
import { botSettings } from '../../../functions/src/bot/bot-settings';
import { loadConfig } from '../../../functions/src/config/app-config';
import { silentLogger } from '../../../functions/src/http/logger';
import type { RouteDefinition } from '../../../functions/src/http/route-types';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { localEnvironment } from '../../../functions/src/local/local-environment';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { activitiesTo, leaksIn } from '../../integration/bot/shared-scanner';
import type { ConnectorCall } from '../../integration/bot/fake-connector';
import { startPlayground, type Playground } from '../../support/playground';
import { freshServices, meCaseAt, must, who } from '../../support/service-fixture';

// Issue 8 item 1 in Microsoft 365 Agents Playground 0.2.28's group chat (its HTTP API, no page):
// the current user is the course tutor (on the case); the chat's members are on it or not.
jest.setTimeout(90_000);

const persona = (id: string) => demoPersonas.find((p) => p.id === id)!;
const user = persona('me-course-tutor');
// user-id-1 .. user-id-5, all in the Playground's one tenant (the local tenant).
const memberIds = [
  'me-trainee-1',
  'me-director',
  'bf-trainee-1',
  'bf-programme-lead',
  'me-trainee-2',
];
const chat = '__GROUP_CHAT_ID__';
const playgroundUser = (id: string) =>
  id === 'me-course-tutor' ? 'user-id-0' : `user-id-${memberIds.indexOf(id) + 1}`;

let services: Awaited<ReturnType<typeof freshServices>>;
let caseId: string;
let host: LocalHost;
let playground: Playground;
let recorder: Server;
const sent: (ConnectorCall & { answer: unknown })[] = [];

/**
 * What the bot sends to the Playground's connector, recorded on the way: each activity's
 * `serviceUrl` is pointed at this recorder, which forwards to the Playground unchanged.
 */
async function startRecorder(): Promise<{ url: string; target: { url?: string } }> {
  const target: { url?: string } = {};
  recorder = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = `${(target.url ?? '').replace(/\/$/, '')}${request.url ?? ''}`;
      const headers = { 'content-type': 'application/json' };
      const init = {
        method: request.method ?? 'GET',
        headers,
        ...(text === '' ? {} : { body: text }),
      };
      fetch(url, init)
        .then(async (answer) => {
          const body = await answer.text();
          sent.push({
            method: init.method,
            path: request.url ?? '',
            body: text === '' ? undefined : (JSON.parse(text) as unknown),
            answer: body === '' ? undefined : (JSON.parse(body) as unknown),
          });
          response.writeHead(answer.status, headers).end(body);
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => recorder.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return { url: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`, target };
}

function recorded(route: RouteDefinition, recorderUrl: string, target: { url?: string }) {
  return {
    ...route,
    handler: (request: Parameters<RouteDefinition['handler']>[0]) => {
      const activity = JSON.parse(Buffer.from(request.body).toString('utf8')) as Record<
        string,
        unknown
      >;
      if (typeof activity.serviceUrl === 'string') target.url = activity.serviceUrl;
      activity.serviceUrl = recorderUrl;
      return route.handler({
        ...request,
        body: new TextEncoder().encode(JSON.stringify(activity)),
      });
    },
  };
}

beforeAll(async () => {
  services = await freshServices();
  caseId = await meCaseAt(services, 'stage-1');
  const config = loadConfig(localEnvironment(7071, process.env.AZURE_TABLES_CONNECTION_STRING!));
  const { url, target } = await startRecorder();
  const routes = createBotRoutes(() => ({
    settings: botSettings(config),
    deps: {
      service: services.cases,
      log: silentLogger,
      now: () => new Date(),
      categories: directoryCategories(services.providers),
    },
  })).map((r) => recorded(r, url, target));
  host = await startLocalHost({ port: 0, routes, log: silentLogger });
  playground = await startPlayground({
    botEndpoint: `${host.url}/api/messages`,
    user,
    members: memberIds.map(persona),
  });
}, 120_000);

afterAll(async () => {
  await (playground as Playground | undefined)?.stop();
  await (host as LocalHost | undefined)?.stop();
  await new Promise<void>((resolve) => {
    if ((recorder as Server | undefined) === undefined) resolve();
    else
      recorder.close(() => {
        resolve();
      });
  });
});

async function invoke(body: Record<string, unknown>): Promise<{ type?: string; value?: unknown }> {
  const response = await fetch(`${playground.url}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversation: { id: chat }, ...body }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { type?: string; value?: unknown };
}

const cardAction = (persona: string, messageId: string, data: Record<string, unknown>) =>
  invoke({
    name: 'adaptiveCard/action',
    from: { id: playgroundUser(persona) },
    replyToId: messageId,
    value: {
      action: { type: 'Action.Execute', id: 'a', verb: data.verb, data },
      trigger: 'manual',
    },
  });

async function until<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not seen in time');
}

describe('a group chat in the Agents Playground: members on and off the case (issue 8 item 1)', () => {
  let messageId: string;

  it('the message extension posts a confirmation with no case details into the group chat', async () => {
    const answer = await invoke({
      name: 'composeExtension/submitAction',
      from: { id: 'user-id-0' },
      value: {
        commandId: 'raiseConcern',
        commandContext: 'compose',
        data: {
          verb: verbs.submitConcern,
          caseId,
          category: 'medical-circumstances',
          description: 'MEDICAL-SENTINEL details',
          seriousIncident: 'false',
        },
      },
    });
    expect(leaksIn(answer)).toEqual([]);
    const post = await until(() => activitiesTo(sent, chat).find((c) => c.method === 'POST'));
    expect(leaksIn(post.body)).toEqual([]);
    expect(JSON.stringify(post.body)).toContain('Only the people on the case can see it');
    messageId = (post.answer as { id: string }).id;
  });

  it('"Open case" gives the course tutor their own view and an outsider nothing of the case', async () => {
    const tutor = await cardAction('me-course-tutor', messageId, { verb: verbs.openCase, caseId });
    expect(JSON.stringify(tutor.value)).toContain('Emily Clarke');
    for (const outsider of ['bf-trainee-1', 'me-trainee-2']) {
      const reply = await cardAction(outsider, messageId, { verb: verbs.openCase, caseId });
      expect(leaksIn(reply.value)).toEqual([]);
      expect(JSON.stringify(reply.value)).toContain('A support case was updated');
    }
  });

  it('the trainee signs in the group chat: the update for everyone is neutral and refreshes only for members on the case', async () => {
    const version = must(await services.cases.getCase(who('me-course-tutor'), caseId)).stage!.plan
      .version;
    const reply = await cardAction('me-trainee-1', messageId, {
      verb: verbs.signPlan,
      caseId,
      planVersion: version,
      typedFullName: 'Emily Clarke',
    });
    expect(JSON.stringify(reply.value)).toContain('You signed version');
    const update = await until(() => activitiesTo(sent, chat).find((c) => c.method === 'PUT'));
    expect(leaksIn(update.body)).toEqual([]);
    const refresh = (
      update.body as { attachments: { content: { refresh: { userIds: string[] } } }[] }
    ).attachments[0]!.content.refresh;
    const viewers = await services.cases.viewersAmong(
      caseId,
      ['me-course-tutor', ...memberIds].map((id) => ({ ...who(id), name: '' })),
    );
    expect(viewers.map((v) => v.oid)).toEqual(
      expect.arrayContaining([who('me-course-tutor').oid, who('me-trainee-1').oid]),
    );
    const expected = ['me-course-tutor', ...memberIds]
      .filter((id) => viewers.some((v) => v.oid === who(id).oid))
      .map(playgroundUser);
    expect(refresh.userIds).toEqual(expected);
    expect(refresh.userIds).not.toContain(playgroundUser('bf-trainee-1'));
    expect(refresh.userIds).not.toContain(playgroundUser('me-trainee-2'));
  });

  it("each member's refresh is decided on the server from who they are", async () => {
    const refresh = (p: string) => cardAction(p, messageId, { verb: verbs.refreshCase, caseId });
    expect(JSON.stringify((await refresh('me-trainee-1')).value)).toContain('Emily Clarke');
    for (const outsider of ['bf-trainee-1', 'bf-programme-lead', 'me-trainee-2'])
      expect(leaksIn((await refresh(outsider)).value)).toEqual([]);
  });

  it('scanner: nothing the bot sent or updated in the group chat carried a case detail', () => {
    const shared = activitiesTo(sent, chat);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(shared.flatMap((c) => leaksIn(c.body))).toEqual([]);
  });
});
