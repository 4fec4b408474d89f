import type { Page } from 'playwright-core';
import { createBotRoutes, directoryCategories } from '../../../functions/src/bot/bot-routes';
import { botSettings } from '../../../functions/src/bot/bot-settings';
import { loadConfig } from '../../../functions/src/config/app-config';
import { outboxDeliverQueue } from '../../../functions/src/functions/outbox-deliver-queue';
import type { Logger } from '../../../functions/src/http/logger';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { seedDemo } from '../../../functions/src/local/demo-seed';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import { localEnvironment } from '../../../functions/src/local/local-environment';
import { startLocalHost, type LocalHost } from '../../../functions/src/local/local-host';
import { startQueuePoller, type QueuePoller } from '../../../functions/src/local/queue-poller';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { deliveryRig, type DeliveryRig } from '../../support/graph-fixture';
import {
  lastCard,
  openPlayground,
  say,
  startPlayground,
  type Playground,
} from '../../support/playground';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(120_000);

const mentor = demoPersonas.find((p) => p.id === 'me-mentor')!;
const mail = (id: string) => demoEmail(demoPersonas.find((p) => p.id === id)!);
const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let rig: DeliveryRig;
let host: LocalHost;
let poller: QueuePoller;
let playground: Playground;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  rig = await deliveryRig();
  await seedDemo(rig.services);
  const config = loadConfig(localEnvironment(7071, process.env.AZURE_TABLES_CONNECTION_STRING!));
  const routes = createBotRoutes(() => ({
    settings: botSettings(config),
    deps: {
      service: rig.services.cases,
      log,
      now: () => new Date(),
      categories: directoryCategories(rig.services.providers),
    },
  }));
  host = await startLocalHost({ port: 0, routes, log });
  const relay = rig.services.relay!;
  // The local host's queue trigger: the same handler shape the Functions host calls.
  poller = startQueuePoller(
    {
      ...outboxDeliverQueue,
      queueName: rig.queueName,
      handler: async (message) => {
        const { providerId, caseId } = message as { providerId: string; caseId: string };
        await relay.deliverCase(providerId, caseId);
      },
    },
    rig.queue.client,
    rig.poison,
    log,
    { pollMs: 100 },
  );
  playground = await startPlayground({ botEndpoint: `${host.url}/api/messages`, user: mentor });
  browser = await launchBrowser();
  page = await browser.newPage();
  await openPlayground(page, playground);
}, 150_000);

afterAll(async () => {
  await (browser as TestBrowser | undefined)?.close();
  await (playground as Playground | undefined)?.stop();
  await (poller as QueuePoller | undefined)?.stop();
  await (host as LocalHost | undefined)?.stop();
  await (rig as DeliveryRig | undefined)?.graph.stop();
});

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('scheduling from the card in the Agents Playground reaches the calendars (ME-25, ME-43)', () => {
  it('"Schedule and invite" -> one valid Teams event with the required attendees -> the card shows the join link; cancel -> one cancellation', async () => {
    await say(page, 'my cases');
    const list = lastCard(page);
    await list.getByText('My cases', { exact: true }).waitFor();
    const row = list
      .locator('div')
      .filter({ has: page.getByText('Emily Clarke', { exact: true }) })
      .filter({ has: page.getByRole('button', { name: 'Open' }) })
      .last();
    await row.getByRole('button', { name: 'Open' }).click();
    const caseCard = lastCard(page);
    await caseCard.getByText('Support case').waitFor();
    await caseCard.getByRole('button', { name: /^Schedule: / }).click();
    const form = lastCard(page);
    await form.getByText('Schedule a meeting').waitFor();
    await form.getByRole('button', { name: 'Schedule and invite' }).click();
    const scheduled = lastCard(page);
    await scheduled.getByText(/invitations are on their way/).waitFor();

    const organizer = rig.graph.mailboxes.find(mail('me-mentor'))!;
    await until(() => organizer.calendar.length > 0, 'the event');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const posted = rig.graph.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/events') && r.status === 201,
    );
    expect(posted).toHaveLength(1);
    expect(organizer.calendar).toHaveLength(1);
    const event = organizer.calendar[0]!.event;
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(event.subject).toBe('Support meeting: Emily');
    const invited = event.attendees?.map((a) => a.emailAddress?.address) ?? [];
    expect(invited).toEqual(
      expect.arrayContaining([mail('me-professional-tutor'), mail('me-trainee-1')]),
    );
    expect(invited).not.toContain(mail('me-mentor'));

    // The card, refreshed, shows the meeting and its Teams join link, and no longer offers "Schedule".
    await scheduled.getByRole('button', { name: 'Refresh' }).click();
    const refreshed = lastCard(page);
    await refreshed.getByText('Join the meeting').waitFor();
    await expect(refreshed.innerText()).resolves.toContain('invitations sent');
    await expect(refreshed.getByRole('button', { name: /^Schedule: / }).count()).resolves.toBe(0);

    const caseId = must(
      await rig.services.cases.listMine(who('me-mentor'), { status: 'open' }),
    ).find((c) => c.traineeName === 'Emily Clarke')!.caseId;
    const view = must(await rig.services.cases.getCase(who('me-mentor'), caseId));
    const meeting = view.stage!.meetings.find((m) => m.status === 'scheduled')!;
    expect(meeting.invitation?.joinUrl).toBe(event.onlineMeeting?.joinUrl);
    must(
      await rig.services.cases.execute(
        who('me-mentor'),
        caseId,
        { type: 'cancelMeeting', meetingId: meeting.meetingId, reason: 'Rearranging' },
        cmd(),
      ),
    );
    await until(() => event.isCancelled === true, 'the cancellation');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rig.graph.requests.filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1);
    const trainee = rig.graph.mailboxes.find(mail('me-trainee-1'))!.calendar[0]!;
    expect(trainee.messages.filter((m) => m.startsWith('Canceled'))).toHaveLength(1);
  });
});
