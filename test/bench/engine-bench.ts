import { randomUUID } from 'node:crypto';
import type { TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { CaseCommand } from '@shared/domain/commands';
import { countingPolicy } from '../../functions/src/infrastructure/tables/request-counter';
import { openTable } from '../../functions/src/infrastructure/tables/table-clients';
import { seedDemo } from '../../functions/src/local/demo-seed';
import { createAppServices } from '../../functions/src/services/create-case-service';
import { bfCaseAt, who } from '../support/service-fixture';
import { percentile, report, round, timed } from './stats';

type Row = TableEntityResult<Record<string, unknown>>;
const strip = (row: Row) =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([k]) => !['etag', 'timestamp'].includes(k) && !k.startsWith('odata'),
    ),
  );

/** Builds a command of one kind for a case, given its current view. */
type Maker = (caseId: string, iteration: number) => { persona: string; command: CaseCommand };

const kinds: Record<string, { setup: 'bf-stage-1' | 'bf-stage-2'; make: Maker }> = {
  raiseConcern: {
    setup: 'bf-stage-1',
    make: () => ({
      persona: 'bf-mentor',
      command: {
        type: 'raiseConcern',
        category: 'teaching',
        description: 'Planning is thin this week.',
        evidence: null,
        source: null,
        seriousIncident: false,
      },
    }),
  },
  addTarget: {
    setup: 'bf-stage-1',
    make: (_c, i) => ({
      persona: 'bf-programme-lead',
      command: {
        type: 'addTarget',
        text: `Target ${i}`,
        actions: ['Weekly step'],
        indicators: [],
        monitoring: '',
        successCriteria: '',
      },
    }),
  },
  addComment: {
    setup: 'bf-stage-1',
    make: () => ({
      persona: 'bf-trainee-1',
      command: { type: 'addComment', text: 'My statement for the record.', visibility: 'all' },
    }),
  },
  signPlan: {
    setup: 'bf-stage-2',
    make: () => ({
      persona: 'bf-programme-lead',
      command: { type: 'signPlan', planVersion: 2, typedFullName: who('bf-programme-lead').name },
    }),
  },
};

/** Per command kind: p50/p95 through the service vs the bare storage ops it needs (1 point read + 1 batch of the same rows). */
export async function benchEngine(connectionString: string, iterations: number): Promise<void> {
  const suffix = Date.now();
  const counter = countingPolicy();
  const tables = { cases: `benchcases${suffix}`, providers: `benchproviders${suffix}` };
  const services = createAppServices(
    { connectionString },
    { tables, tableOptions: { additionalPolicies: [counter.policy] }, providerCacheMs: 3_600_000 },
  );
  await seedDemo(services);
  const raw = openTable({ connectionString }, tables.cases);
  for (const [kind, spec] of Object.entries(kinds)) {
    const caseIds: string[] = [];
    for (let i = 0; i < iterations; i += 1) caseIds.push(await prepare(services, spec.setup));
    const service: number[] = [];
    const bare: number[] = [];
    const trips: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      const caseId = caseIds[i]!;
      const { persona, command } = spec.make(caseId, i);
      counter.reset();
      let written = 0;
      service.push(
        await timed(async () => {
          const r = await services.cases.execute(who(persona), caseId, command, randomUUID());
          if (!r.ok) throw new Error(`${kind}: ${r.refusal.message}`);
          written = r.value.events.length;
        }),
      );
      trips.push(counter.count());
      const mirror = await mirrorOf(raw, caseId, written);
      bare.push(
        await timed(async () => {
          const snapshot = await raw.client.getEntity(mirror.pk, mirror.snapshot.rowKey as string);
          await raw.client.submitTransaction(mirror.actions(snapshot.etag));
        }),
      );
    }
    const p50 = percentile(service, 50);
    const bareP50 = percentile(bare, 50);
    report({
      measure: 'command',
      kind,
      iterations,
      p50_ms: round(p50),
      p95_ms: round(percentile(service, 95)),
      bare_p50_ms: round(bareP50),
      bare_p95_ms: round(percentile(bare, 95)),
      ratio_p50: round(p50 / bareP50),
      target_ratio_p50: 1.3,
      round_trips: [...new Set(trips)],
      target_round_trips: 2,
    });
  }
}

/** Copies a case's snapshot and its last command's events to a mirror partition, so the bare batch has the same rows. */
async function mirrorOf(table: ReturnType<typeof openTable>, caseId: string, eventCount: number) {
  const pk = caseId.split('.')[0]!;
  const rows: Row[] = [];
  for await (const row of table.client.listEntities({
    queryOptions: {
      filter: `PartitionKey eq '${pk}' and RowKey ge 'c|${caseId}' and RowKey le 'o|${caseId}|~'`,
    },
  }))
    rows.push(row);
  const snapshot = rows.find((r) => r.rowKey === `c|${caseId}`)!;
  const lastSeq = Number(snapshot.seq);
  const seqOf = (r: Row) => Number(String(r.rowKey).split('|')[2]);
  const latest = (r: Row) => seqOf(r) > lastSeq - eventCount && seqOf(r) <= lastSeq;
  const mine = (r: Row) =>
    [`e|${caseId}|`, `o|${caseId}|`].some((prefix) => String(r.rowKey).startsWith(prefix));
  const written = rows.filter((r) => mine(r) && latest(r));
  const mpk = `mirror-${randomUUID().slice(0, 8)}`;
  await table.client.createEntity({
    ...strip(snapshot),
    partitionKey: mpk,
    rowKey: snapshot.rowKey,
  } as never);
  return {
    pk: mpk,
    snapshot,
    actions: (etag: string): TransactionAction[] => [
      [
        'update',
        { ...strip(snapshot), partitionKey: mpk, rowKey: snapshot.rowKey } as never,
        'Replace',
        { etag },
      ],
      ...written.map((r): TransactionAction => [
        'create',
        { ...strip(r), partitionKey: mpk, rowKey: r.rowKey } as never,
      ]),
    ],
  };
}

function prepare(
  services: ReturnType<typeof createAppServices>,
  setup: 'bf-stage-1' | 'bf-stage-2',
): Promise<string> {
  return bfCaseAt(services, setup === 'bf-stage-1' ? 'stage-1' : 'stage-2');
}
