import { TableClient } from '@azure/data-tables';
import { CaseEraser } from '../../../functions/src/infrastructure/tables/case-eraser';
import { openTable } from '../../../functions/src/infrastructure/tables/table-clients';
import { freshServices, meCaseAt, who } from '../../support/service-fixture';
import { meThroughEveryStage, servicesOn, TestClock } from '../../support/record-service-fixture';

jest.setTimeout(120_000);

test('GDPR retention: a run erases closed cases past retention to a tombstone, audits it, and keeps the rest', async () => {
  const base = await freshServices();
  const clock = new TestClock(new Date('2026-01-12T10:00:00Z'));
  const s = servicesOn(base.tables, clock);
  const { caseId, view } = await meThroughEveryStage(s, clock);
  const open = await meCaseAt(s, 'stage-1', 'me-trainee-2');
  const director = who('me-director');
  expect((await s.retention.run(who('me-course-tutor'), 'mid-essex-itt')).ok).toBe(false);

  const early = await s.retention.run(director, 'mid-essex-itt');
  expect(early.ok && early.value.erased).toEqual([]);

  clock.advanceDays(6 * 366);
  const run = await s.retention.run(director, 'mid-essex-itt');
  if (!run.ok) throw new Error(run.refusal.message);
  expect(run.value.retentionYears).toBe(6);
  expect(run.value.erased.map((t) => t.caseId)).toEqual([caseId]);
  expect(run.value.kept).toBeGreaterThanOrEqual(1);
  const tombstone = run.value.erased[0]!;
  expect(tombstone).toMatchObject({
    caseId,
    outcomeId: 'withdrawn',
    closedAt: view.status.kind === 'closed' ? view.status.closedAt : '',
    erasedByOid: director.oid,
  });
  expect(tombstone.events).toBeGreaterThan(50);

  // Nothing of the case is left but the tombstone; the other case is untouched.
  expect((await s.cases.getCase(director, caseId)).ok).toBe(false);
  expect(await s.store.events('mid-essex-itt', caseId)).toEqual([]);
  const raw = TableClient.fromConnectionString(
    process.env.AZURE_TABLES_CONNECTION_STRING!,
    base.tables.cases,
    { allowInsecureConnection: true },
  );
  const left: string[] = [];
  for await (const row of raw.listEntities({
    queryOptions: { filter: `PartitionKey eq 'mid-essex-itt'` },
  }))
    if (row.rowKey?.includes(caseId) === true) left.push(row.rowKey);
  expect(left).toEqual([`t|${caseId}`]);
  const eraser = new CaseEraser(
    openTable({ connectionString: process.env.AZURE_TABLES_CONNECTION_STRING! }, base.tables.cases),
  );
  expect(await eraser.tombstones('mid-essex-itt')).toEqual([tombstone]);
  expect((await s.cases.getCase(who('me-course-tutor'), open)).ok).toBe(true);
  const audit = await s.audit.day('mid-essex-itt', clock.today());
  expect(audit).toContainEqual(
    expect.objectContaining({ type: 'case-erased', caseId, actorOid: director.oid }),
  );

  // A second run finds nothing more to erase.
  const again = await s.retention.run(director, 'mid-essex-itt');
  expect(again.ok && again.value.erased).toEqual([]);
});
