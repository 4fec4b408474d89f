import type { CaseCommand, OpenCaseCommand } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { TableConnection, TableOptions } from '../infrastructure/tables/table-clients';
import { openTable } from '../infrastructure/tables/table-clients';
import { TableCaseStore } from '../infrastructure/tables/case-table-store';
import { newEntityId } from './case-ids';
import { CaseCommands } from './case-service';
import type { CaseListFilter, CaseServicePort, ExecuteOptions } from './case-service-port';
import { CaseQueries } from './case-queries';
import { CaseRecord } from './case-record';
import { SubjectAccess } from './subject-access';
import { RetentionRun } from './retention';
import { CaseEraser } from '../infrastructure/tables/case-eraser';
import { ProviderDirectory } from './provider-directory';
import { ReviewSweep } from './review-sweep';
import { ProviderOverviewService } from './provider-overview';
import { SecurityAudit } from './security-audit';
import { OutboxStore } from '../infrastructure/tables/outbox-store';
import type { OutboxQueue } from '../infrastructure/queues/outbox-queue';
import { OutboxRelay, type Deliverer } from './delivery/outbox-relay';
import { DueIndexStore } from '../infrastructure/tables/due-index-store';
import { DueIndexSync } from './reminders/due-index-sync';
import { SweepDelivery } from './reminders/sweep-delivery';
import { withDueIndexSync } from './reminders/sync-deliverer';

/** Table names, overridable so tests can isolate themselves. */
export interface TableNames {
  readonly cases: string;
  readonly providers: string;
  readonly securityAudit: string;
  /** The due-date index the timed sweep reads (ADR 0011). */
  readonly dueIndex: string;
}

/** The application service and the parts hosts need besides it. */
export interface AppServices {
  readonly cases: CaseServicePort;
  readonly commands: CaseCommands;
  readonly providers: ProviderDirectory;
  readonly store: TableCaseStore;
  readonly sweep: ReviewSweep;
  readonly audit: SecurityAudit;
  /** The student's record: chain verification, paperwork PDFs, exports (issue 12). */
  readonly record: CaseRecord;
  /** Subject access exports for a trainee across the caller's providers (UK GDPR Art. 15). */
  readonly subjectAccess: SubjectAccess;
  /** The retention erasure run (docs/data-stores.md). */
  readonly retention: RetentionRun;
  readonly outbox: OutboxStore;
  /** The provider overview for programme leads and directors (issue 10). */
  readonly overview: ProviderOverviewService;
  /** The due-date index (ADR 0011). */
  readonly dueIndex: DueIndexStore;
  /** The outbox relay (absent when no deliverer, i.e. Graph is not configured). */
  readonly relay?: OutboxRelay;
}

/** How committed effects leave: the queue to enqueue on, and who carries them out. */
export interface DeliveryParts {
  readonly queue?: OutboxQueue;
  readonly deliverer?: Deliverer;
  /** Told when an enqueue fails (the re-drive timer then delivers the effects). */
  readonly onEnqueueFailed?: (error: unknown, caseId: string) => void;
  readonly leaseMs?: number;
  /** How long a sweep's claim on a due row holds before another sweep may take it over. */
  readonly sweepLeaseMs?: number;
}

/** Wires the application service onto Azure Table Storage (Azurite locally). */
export function createAppServices(
  connection: TableConnection,
  options: {
    tables?: Partial<TableNames>;
    tableOptions?: TableOptions;
    clock?: () => Date;
    providerCacheMs?: number;
    delivery?: DeliveryParts;
  } = {},
): AppServices {
  const clock = options.clock ?? (() => new Date());
  const casesTable = openTable(connection, options.tables?.cases ?? 'cases', options.tableOptions);
  const store = new TableCaseStore(casesTable);
  const outbox = new OutboxStore(casesTable);
  const delivery = options.delivery ?? {};
  const queue = delivery.queue;
  const afterCommit =
    queue === undefined
      ? undefined
      : async (providerId: string, caseId: string) => {
          try {
            await queue.enqueue({ providerId, caseId });
          } catch (error) {
            delivery.onEnqueueFailed?.(error, caseId);
          }
        };
  const providers = new ProviderDirectory(
    openTable(connection, options.tables?.providers ?? 'providers', options.tableOptions),
    clock,
    options.providerCacheMs,
  );
  const audit = new SecurityAudit(
    openTable(connection, options.tables?.securityAudit ?? 'securityAudit', options.tableOptions),
  );
  const dueIndex = new DueIndexStore(
    openTable(connection, options.tables?.dueIndex ?? 'dueIndex', options.tableOptions),
  );
  const dueSync = new DueIndexSync(dueIndex);
  const commands = new CaseCommands({
    store,
    providers,
    clock,
    newId: newEntityId,
    audit,
    dueIndex: dueSync,
    dueIndexHeal: delivery.deliverer !== undefined,
    ...(afterCommit === undefined ? {} : { afterCommit }),
  });
  const deliverer =
    delivery.deliverer === undefined
      ? undefined
      : withDueIndexSync(delivery.deliverer, dueSync, (p) => commands.context(p));
  const leaseMs = delivery.leaseMs ?? 5 * 60_000;
  const relay =
    deliverer === undefined
      ? undefined
      : new OutboxRelay({ commands, store, outbox, providers, deliverer, clock, leaseMs });
  const sweepDelivery =
    deliverer === undefined
      ? undefined
      : new SweepDelivery({ commands, store, outbox, deliverer, clock, leaseMs });
  const sweep = new ReviewSweep({
    commands,
    store,
    index: dueIndex,
    providers,
    clock,
    ...(sweepDelivery === undefined ? {} : { delivery: sweepDelivery, outboxLeaseMs: leaseMs }),
    ...(delivery.sweepLeaseMs === undefined ? {} : { leaseMs: delivery.sweepLeaseMs }),
  });
  const queries = new CaseQueries(commands, store, providers, audit);
  const record = new CaseRecord(commands, store, clock);
  const subjectAccess = new SubjectAccess(store, providers, record, clock);
  record.subjectAccess = subjectAccess;
  const eraser = new CaseEraser(
    openTable(connection, options.tables?.cases ?? 'cases', options.tableOptions),
  );
  const retention = new RetentionRun(store, eraser, providers, audit, clock);
  record.retention = retention;
  const cases: CaseServicePort = {
    openCase: (who: Identity, providerId: string, input: OpenCaseCommand, commandId: string) =>
      commands.openCase(who, providerId, input, commandId),
    execute: (
      who: Identity,
      caseId: string,
      command: CaseCommand,
      commandId: string,
      options?: ExecuteOptions,
    ) => commands.execute(who, caseId, command, commandId, options),
    getCase: (who, caseId) => queries.getCase(who, caseId),
    available: (who, caseId) => queries.available(who, caseId),
    history: (who, caseId) => queries.history(who, caseId),
    listMine: (who, filter: CaseListFilter) => queries.listMine(who, filter),
    viewersAmong: (caseId, candidates) => queries.viewersAmong(caseId, candidates),
  };
  return {
    cases,
    commands,
    providers,
    store,
    sweep,
    dueIndex,
    audit,
    record,
    subjectAccess,
    retention,
    outbox,
    overview: new ProviderOverviewService(commands, store, providers, clock),
    ...(relay === undefined ? {} : { relay }),
  };
}
