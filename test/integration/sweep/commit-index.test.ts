/**
 * The commit path keeps the due-date index in step (ADR 0011), on Azurite and the local Graph:
 * a command writes the rows it added before it answers; the rows it ended go with its
 * `syncDueIndex` effect to the relay, which removes them off the request path (so a command
 * answers after two round trips); and the relay re-derives the case's rows from its state, which
 * heals a crash between the commit and the inline write.
 */
import { TableClient } from '@azure/data-tables';
import { dueRows } from '../../../functions/src/services/reminders/due-index-sync';
import { readState } from '../../../functions/src/services/stored-state';
import type { DeliveryRig } from '../../support/graph-fixture';
import { deliveryRig } from '../../support/graph-fixture';
import { cmd, meCaseAt, must, schoolConcern, who } from '../../support/service-fixture';
import { movingClock } from './sweep-rig';

jest.setTimeout(120_000);

let rigs: DeliveryRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.map((r) => r.graph.stop()));
  rigs = [];
});

/** Every index row of one case, as `day|key` (read raw, beside the store under test). */
async function indexRowsOf(rig: DeliveryRig, caseId: string): Promise<string[]> {
  const client = TableClient.fromConnectionString(
    process.env.AZURE_TABLES_CONNECTION_STRING ?? '',
    rig.services.tables.dueIndex,
    { allowInsecureConnection: true },
  );
  const rows: string[] = [];
  const filter = `caseId eq '${caseId}'`;
  for await (const row of client.listEntities<{ key: string }>({ queryOptions: { filter } }))
    if (row.partitionKey?.startsWith('d|') === true)
      rows.push(`${row.partitionKey.slice(2)}|${row.key}`);
  return rows.sort();
}

/** What the case's current state says its rows are. */
async function expectedRowsOf(rig: DeliveryRig, caseId: string): Promise<string[]> {
  const stored = await rig.services.store.load('mid-essex-itt', caseId);
  const provider = await rig.services.providers.get('mid-essex-itt');
  const ctx = rig.services.commands.context(provider!);
  return dueRows(ctx, readState(stored!.state, caseId))
    .map((r) => `${r.day}|${r.key}`)
    .sort();
}

const raise = schoolConcern();

describe('the commit path keeps the due-date index in step (ADR 0011)', () => {
  it('ME-05: the row a command adds is written before it answers; the row it ends is removed by the relay', async () => {
    const clock = movingClock('2026-01-05T10:00:00Z');
    const rig = await deliveryRig({ clock: clock.clock });
    rigs.push(rig);
    const id = await meCaseAt(rig.services, 'opened');
    const raised = must(await rig.services.cases.execute(who('me-mentor'), id, raise, cmd()));
    const concernId = raised.view!.concerns[0]!.concernId;
    const chase = `2026-01-06|concern-unacknowledged:${concernId}`;
    expect(await indexRowsOf(rig, id)).toContain(chase);

    must(
      await rig.services.cases.execute(
        who('me-course-tutor'),
        id,
        { type: 'acknowledgeConcern', concernId },
        cmd(),
      ),
    );
    // Not removed on the request path: the acknowledgement answered without that round trip.
    expect(await indexRowsOf(rig, id)).toContain(chase);
    await rig.services.relay!.deliverCase('mid-essex-itt', id);
    expect(await indexRowsOf(rig, id)).not.toContain(chase);
    expect(await indexRowsOf(rig, id)).toEqual(await expectedRowsOf(rig, id));
  });

  it('ADR 0011: a crash between the commit and the inline index write is healed by the relay', async () => {
    const clock = movingClock('2026-01-05T10:00:00Z');
    const rig = await deliveryRig({ clock: clock.clock });
    rigs.push(rig);
    const id = await meCaseAt(rig.services, 'opened');
    must(await rig.services.cases.execute(who('me-mentor'), id, raise, cmd()));
    const written = await indexRowsOf(rig, id);
    expect(written.some((r) => r.includes('|concern-unacknowledged:'))).toBe(true);
    // As if the host died after the commit, before its index write: the rows are not there.
    await rig.services.dueIndex.remove(
      written.map((r) => {
        const [day, key] = r.split(/\|(.*)/s) as [string, string];
        return { day, key, providerId: 'mid-essex-itt', caseId: id };
      }),
    );
    expect(await indexRowsOf(rig, id)).toEqual([]);
    await rig.services.relay!.deliverCase('mid-essex-itt', id);
    expect(await indexRowsOf(rig, id)).toEqual(written);
  });
});
