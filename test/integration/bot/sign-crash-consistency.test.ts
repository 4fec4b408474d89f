import { verbs } from '@shared/cards';
import { odata } from '@azure/data-tables';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import type { CaseServicePort } from '../../../functions/src/services/case-service-port';
import { must, who } from '../../support/service-fixture';
import { cardAction, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

/**
 * K1: the sign flow is crash-consistent at every step boundary. A failpoint breaks the first
 * delivery of a sign click at one boundary; Teams then redelivers the same activity (I1).
 * Invariants: one signature, one set of audit events and outbox rows for it (no double
 * notification), and the shared card rewritten with the signature.
 */
type Failpoint =
  | 'after the signature commits, before the reply' // our process dies after the EGT
  | 'at the card update for everyone' // the connector answers 500
  | 'after the card update, reply lost'; // Teams never sees our 200

const failpoints: readonly Failpoint[] = [
  'after the signature commits, before the reply',
  'at the card update for everyone',
  'after the card update, reply lost',
];

class Failpoint500 extends Error {
  override readonly name = 'Failpoint500';
}

let h: BotHarness;
let armed = false;
const mentor: From = { persona: 'me-mentor' };

/** When set, the next `execute` reports that it arrived and waits for `release` (a slow delivery). */
let stall: { arrived: () => void; release: Promise<void> } | undefined;

/** The real service; when armed, `execute` commits and then throws, once; when stalled, it waits. */
function withFailpoints(service: CaseServicePort): CaseServicePort {
  return new Proxy(service, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<CaseServicePort['execute']>) => {
        const slow = stall;
        stall = undefined;
        if (slow !== undefined) {
          slow.arrived();
          await slow.release;
        }
        const result = await target.execute(...args);
        if (armed) {
          armed = false;
          throw new Failpoint500('failpoint: after commit');
        }
        return result;
      };
    },
  });
}

beforeAll(async () => {
  h = await startBotHarness({ wrapService: withFailpoints });
}, 60_000);
afterAll(async () => h.stop());

async function outboxRows(providerId: string, caseId: string): Promise<number> {
  const table = openTable(
    { connectionString: process.env.AZURE_TABLES_CONNECTION_STRING ?? '' },
    h.services.tables.cases,
  );
  let count = 0;
  const filter = odata`PartitionKey eq ${providerId} and RowKey ge ${`o|${caseId}|`} and RowKey lt ${`o|${caseId}|~`}`;
  for await (const row of table.client.listEntities({ queryOptions: { filter } })) {
    if (typeof row.rowKey === 'string') count += 1;
  }
  return count;
}

describe('K1: a sign click broken at any step boundary, then redelivered', () => {
  it.each(failpoints)(
    '%s: one signature, one audit, one notification, card updated',
    async (failpoint) => {
      const caseId = await seedStageOneCase(h.services);
      const providerId = caseId.split('.')[0]!;
      const view = must(await h.services.cases.getCase(who('me-course-tutor'), caseId));
      const version = view.stage!.plan.version;
      const seqBefore = (await h.services.store.events(providerId, caseId)).length;
      const messageId = `case-card-${failpoint.length}-${caseId.slice(-6)}`;
      const click = cardAction(
        { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Gareth Jones' },
        mentor,
        h.connector.serviceUrl,
        messageId,
      );
      const isUpdate = (c: { method: string; path: string }) =>
        c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`);

      if (failpoint === 'after the signature commits, before the reply') armed = true;
      if (failpoint === 'at the card update for everyone') h.connector.failNext(isUpdate, 500);
      const first = await h.post(click);
      if (failpoint === 'after the signature commits, before the reply') {
        expect(first.status).toBeGreaterThanOrEqual(500);
      } else {
        expect(first.status).toBe(200);
      }
      const outboxAfterFirst = await outboxRows(providerId, caseId);
      const updatesBefore = h.connector.calls.filter(isUpdate).length;
      // The failpoint fired where it should: no card update after a crash in the command, one
      // (failed or not) otherwise.
      expect(updatesBefore).toBe(
        failpoint === 'after the signature commits, before the reply' ? 0 : 1,
      );

      // Teams redelivers the same activity (same id) when the first reply failed or was lost.
      for (let delivery = 0; delivery < 2; delivery += 1) {
        const again = await h.post(click);
        expect(again.status).toBe(200);
        expect(JSON.stringify(again.body)).toContain(`You signed version ${String(version)}`);
      }

      const events = (await h.services.store.events(providerId, caseId)).slice(seqBefore);
      const signed = events.filter((e) => e.type === 'PlanSigned');
      expect(signed).toHaveLength(1);
      expect(signed[0]!.actor.oid).toBe(who('me-mentor').oid);
      // Every event the click produced was written by one command, once.
      expect(new Set(events.map((e) => e.commandId)).size).toBe(1);
      // Its outbox rows (the notifications) were written with it, once: none added by redelivery.
      expect(outboxAfterFirst).toBeGreaterThan(0);
      expect(await outboxRows(providerId, caseId)).toBe(outboxAfterFirst);
      // The shared card was rewritten, with the signature, after the failure.
      const updates = h.connector.calls.filter(isUpdate);
      expect(updates.length).toBeGreaterThan(updatesBefore);
      expect(JSON.stringify(updates.at(-1)?.body)).toContain('Gareth Jones');
    },
  );
});

describe('I1: a first delivery still running when Teams redelivers (Teams retries after 16 s)', () => {
  it('both deliveries answer "signed"; the signature is recorded once', async () => {
    const caseId = await seedStageOneCase(h.services);
    const providerId = caseId.split('.')[0]!;
    const version = must(await h.services.cases.getCase(who('me-course-tutor'), caseId)).stage!.plan
      .version;
    const click = cardAction(
      { verb: verbs.signPlan, caseId, planVersion: version, typedFullName: 'Gareth Jones' },
      mentor,
      h.connector.serviceUrl,
      'slow-case-card',
    );
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    stall = { arrived, release: new Promise<void>((resolve) => (release = resolve)) };
    const first = h.post(click);
    await firstArrived;
    const redelivery = await h.post(click);
    expect(redelivery.status).toBe(200);
    expect(JSON.stringify(redelivery.body)).toContain(`You signed version ${String(version)}`);
    release();
    const late = await first;
    expect(late.status).toBe(200);
    expect(JSON.stringify(late.body)).toContain(`You signed version ${String(version)}`);
    const signed = (await h.services.store.events(providerId, caseId)).filter(
      (e) => e.type === 'PlanSigned',
    );
    expect(signed).toHaveLength(1);
  });
});
