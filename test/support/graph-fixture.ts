import { randomInt } from 'node:crypto';
import type { CaseCommand } from '@shared/domain/commands';
import { ClientCredentials } from '../../functions/src/infrastructure/graph/client-credentials';
import {
  GraphHttp,
  type GraphRetryPolicy,
} from '../../functions/src/infrastructure/graph/graph-http';
import { OutboxQueue, openQueue } from '../../functions/src/infrastructure/queues/outbox-queue';
import { demoPersonas } from '../../functions/src/local/demo-personas';
import {
  demoEmail,
  demoGraphApp,
  demoGraphUsers,
} from '../../functions/src/local/graph/demo-graph-users';
import type { FaultSettings } from '../../functions/src/local/graph/faults';
import type { GraphUser } from '../../functions/src/local/graph/mailboxes';
import { startLocalGraph, type LocalGraph } from '../../functions/src/local/graph/local-graph';
import { declaredActivityTypes } from '../../functions/src/services/delivery/activity-types';
import { graphResource } from '../../functions/src/services/delivery/delivery-from-config';
import { EffectDeliverer } from '../../functions/src/services/delivery/effect-deliverer';
import type { BotFallback } from '../../functions/src/services/delivery/proactive-bot';
import { cmd, freshServices, must, who } from './service-fixture';

/** Graph HTTP that tells the test after each call it made succeeded (to move a fake clock). */
class ObservedGraphHttp extends GraphHttp {
  constructor(
    args: ConstructorParameters<typeof GraphHttp>,
    private readonly after: (path: string) => void,
  ) {
    super(...args);
  }
  override async call(...args: Parameters<GraphHttp['call']>): Promise<unknown> {
    const reply = await super.call(...args);
    this.after(args[2]);
    return reply;
  }
}

/** Fast retries for tests: the same policy shape as production, smaller numbers. */
export const testRetryPolicy: GraphRetryPolicy = {
  attempts: 4,
  backoffMs: 20,
  handlerRetries: 3,
  handlerDelaySeconds: 0.05,
  timeoutMs: 1_000,
};

/** A participant input with the persona's demo mailbox address. */
export function withEmail(id: string) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return { role: p.role, name: p.name, tid: p.tid, oid: p.oid, email: demoEmail(p) };
}

/** The local Graph, a queue of this test's own and the services wired to deliver through them. */
export async function deliveryRig(
  options: {
    faults?: Partial<FaultSettings>;
    retry?: Partial<GraphRetryPolicy>;
    seed?: number;
    /** The proactive bot tried before email for people Graph refuses (default: none). */
    bot?: BotFallback;
    /** The services' clock (the timed sweep's tests move it day by day). */
    clock?: () => Date;
    /** Called after each Graph call that succeeded, with its path (e.g. to move `clock`). */
    afterGraphCall?: (path: string) => void;
    /** Local Graph users besides the demo personas (e.g. staff only a test's directory names). */
    users?: readonly GraphUser[];
  } = {},
) {
  const graph: LocalGraph = await startLocalGraph({
    apps: [demoGraphApp()],
    users: [...demoGraphUsers(), ...(options.users ?? [])],
    activityTypes: [...declaredActivityTypes],
    faults: { retryAfterSeconds: 0, hangMs: 2_000, ...options.faults },
    seed: options.seed ?? 7,
  });
  const app = demoGraphApp();
  const director = demoPersonas.find((p) => p.id === 'bf-director')!;
  const httpArgs: ConstructorParameters<typeof GraphHttp> = [
    graph.url,
    new ClientCredentials({
      authorityHost: graph.url,
      clientId: app.clientId,
      credential: { kind: 'secret', secret: app.clientSecret },
      resource: graphResource,
    }),
    { ...testRetryPolicy, ...options.retry },
  ];
  const http =
    options.afterGraphCall === undefined
      ? new GraphHttp(...httpArgs)
      : new ObservedGraphHttp(httpArgs, options.afterGraphCall);
  const deliverer = new EffectDeliverer(http, {
    activityTypes: declaredActivityTypes,
    sender: { tenantId: director.tid, userId: demoEmail(director) },
    batchRounds: 4,
    maxRetryAfterSeconds: 2,
    caseUrl: (caseId) => `http://127.0.0.1/tab/#/cases/${caseId}`,
    bot: options.bot ?? null,
  });
  const queueConnection = process.env.AZURE_QUEUES_CONNECTION_STRING;
  if (queueConnection === undefined) throw new Error('AZURE_QUEUES_CONNECTION_STRING is not set');
  const queueName = `outbox${Date.now()}${randomInt(1_000_000)}`;
  const queue = new OutboxQueue(openQueue({ connectionString: queueConnection }, queueName));
  const poison = openQueue({ connectionString: queueConnection }, `${queueName}-poison`);
  const services = await freshServices(options.clock, { queue, deliverer, leaseMs: 60_000 });
  return { graph, queue, poison, queueName, services, deliverer };
}

export type DeliveryRig = Awaited<ReturnType<typeof deliveryRig>>;

/** A Bright Futures Stage 1 case whose people all have mailbox addresses. */
export async function bfStage1WithEmails(
  rig: DeliveryRig,
  traineePersona = 'bf-trainee-1',
): Promise<string> {
  const s = rig.services;
  const lead = who('bf-programme-lead');
  const trainee = withEmail(traineePersona);
  const opened = must(
    await s.cases.openCase(
      lead,
      'bright-futures-scitt',
      {
        trainee: {
          name: trainee.name,
          email: trainee.email,
          tid: trainee.tid,
          oid: trainee.oid,
          route: 'primary',
          subject: 'Primary',
          school: 'Oak Primary',
          placement: 'B',
        },
        participants: ['bf-programme-lead', 'bf-mentor', 'bf-professional-mentor'].map(withEmail),
      },
      cmd(),
    ),
  );
  const run = async (command: unknown) =>
    must(await s.cases.execute(lead, opened.caseId, command as CaseCommand, cmd()));
  await run({
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Lessons lack structure',
    evidence: null,
    source: null,
    seriousIncident: false,
  });
  await run({
    type: 'startStage',
    stageId: 'stage-1',
    reason: 'Concern raised',
    overview: '',
    evidence: { writtenReports: [], observationIds: [] },
  });
  return opened.caseId;
}

/** Schedules the Stage 1 preliminary meeting with every active participant (BF-05). */
export async function schedulePreliminary(rig: DeliveryRig, caseId: string, start: string) {
  const lead = who('bf-programme-lead');
  const view = must(await rig.services.cases.getCase(lead, caseId));
  const attendees = view.participants.filter((p) => p.active).map((p) => p.participantId);
  return rig.services.cases.execute(
    lead,
    caseId,
    {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'preliminary-meeting',
      start,
      durationMinutes: 45,
      online: true,
      attendees,
    },
    cmd(),
  );
}
