import type { CloudEnvironment, TokenProvider } from '@microsoft/teams.api';
import { randomUUID } from 'node:crypto';
import { directoryCategories } from '../../../functions/src/bot/bot-routes';
import type { BotSettings } from '../../../functions/src/bot/bot-settings';
import { createBot } from '../../../functions/src/bot/create-bot';
import { silentLogger } from '../../../functions/src/http/logger';
import { startLocalHost } from '../../../functions/src/local/local-host';
import { as, freshServices, must, who } from '../../support/service-fixture';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/** The bot on the real service (fresh tables in the run's Azurite), served by the local host. */
export interface BotHarness {
  readonly url: string;
  readonly connector: FakeConnector;
  readonly services: Awaited<ReturnType<typeof freshServices>>;
  post(
    activity: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Starts the harness; local (anonymous) mode unless settings say otherwise. */
export async function startBotHarness(
  options: {
    settings?: BotSettings;
    cloud?: CloudEnvironment;
    token?: TokenProvider;
    members?: unknown[];
  } = {},
): Promise<BotHarness> {
  const services = await freshServices();
  const connector = await startFakeConnector(options.members);
  const deps = {
    service: services.cases,
    log: silentLogger,
    now: () => new Date(),
    categories: directoryCategories(services.providers),
  };
  const bot = await createBot({
    settings: options.settings ?? { mode: 'local-anonymous' },
    deps,
    ...(options.cloud === undefined ? {} : { cloud: options.cloud }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const route = {
    name: 'bot-messages',
    methods: ['POST' as const],
    route: 'messages',
    handler: (request: Parameters<typeof bot.handle>[0]) => bot.handle(request),
  };
  const host = await startLocalHost({ port: 0, routes: [route], log: silentLogger });
  return {
    url: `${host.url}/api/messages`,
    connector,
    services,
    post: async (activity, headers = {}) => {
      const response = await fetch(`${host.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
    },
    stop: async () => {
      await host.stop();
      await connector.stop();
    },
  };
}

/** Opens a Mid Essex case for Emily Clarke and brings it to a Stage 1 plan with one target, ready to sign. */
export async function seedStageOneCase(services: BotHarness['services']): Promise<string> {
  const participants = [
    'me-course-tutor',
    'me-mentor',
    'me-professional-tutor',
    'me-lead-subject-tutor',
  ].map((id) => as(id));
  const trainee = who('me-trainee-1');
  const opened = must(
    await services.cases.openCase(
      who('me-course-tutor'),
      'mid-essex-itt',
      {
        trainee: {
          name: trainee.name,
          email: null,
          tid: trainee.tid,
          oid: trainee.oid,
          route: 'secondary',
          subject: 'Mathematics',
          school: 'Riverside School',
          placement: 'Placement A',
        },
        participants,
      },
      randomUUID(),
    ),
  );
  const run = async (persona: string, command: Record<string, unknown>) =>
    must(await services.cases.execute(who(persona), opened.caseId, command as never, randomUUID()));
  await run('me-professional-tutor', {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is not consistent.',
    evidence: null,
    source: null,
    seriousIncident: false,
  });
  await run('me-course-tutor', {
    type: 'startStage',
    stageId: 'pre-stage-1',
    reason: 'Professional Tutor contacted us',
    overview: '',
    evidence: { writtenReports: [], observationIds: [] },
  });
  await run('me-course-tutor', { type: 'completeDuty', dutyId: 'evidence-gathered', notes: '' });
  await run('me-course-tutor', {
    type: 'startStage',
    stageId: 'stage-1',
    reason: 'Individual Support Plan agreed',
    overview: '',
    evidence: { writtenReports: [], observationIds: [] },
  });
  await run('me-course-tutor', {
    type: 'addTarget',
    text: 'Apply the school behaviour policy consistently',
    actions: ['Plan with the mentor each week'],
    indicators: ['AI 2.3'],
    monitoring: 'Weekly observation',
    successCriteria: 'Two lessons judged securing',
  });
  return opened.caseId;
}
