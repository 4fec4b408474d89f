import type { CaseCommand, OpenCaseCommand } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { TableConnection, TableOptions } from '../infrastructure/tables/table-clients';
import { openTable } from '../infrastructure/tables/table-clients';
import { TableCaseStore } from '../infrastructure/tables/case-table-store';
import { newEntityId } from './case-ids';
import { CaseCommands } from './case-service';
import type { CaseListFilter, CaseServicePort } from './case-service-port';
import { CaseQueries } from './case-queries';
import { CaseRecord } from './case-record';
import { SubjectAccess } from './subject-access';
import { RetentionRun } from './retention';
import { CaseEraser } from '../infrastructure/tables/case-eraser';
import { ProviderDirectory } from './provider-directory';
import { ReviewSweep } from './review-sweep';
import { SecurityAudit } from './security-audit';

/** Table names, overridable so tests can isolate themselves. */
export interface TableNames {
  readonly cases: string;
  readonly providers: string;
  readonly securityAudit: string;
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
}

/** Wires the application service onto Azure Table Storage (Azurite locally). */
export function createAppServices(
  connection: TableConnection,
  options: {
    tables?: Partial<TableNames>;
    tableOptions?: TableOptions;
    clock?: () => Date;
    providerCacheMs?: number;
  } = {},
): AppServices {
  const clock = options.clock ?? (() => new Date());
  const store = new TableCaseStore(
    openTable(connection, options.tables?.cases ?? 'cases', options.tableOptions),
  );
  const providers = new ProviderDirectory(
    openTable(connection, options.tables?.providers ?? 'providers', options.tableOptions),
    clock,
    options.providerCacheMs,
  );
  const audit = new SecurityAudit(
    openTable(connection, options.tables?.securityAudit ?? 'securityAudit', options.tableOptions),
  );
  const commands = new CaseCommands({ store, providers, clock, newId: newEntityId, audit });
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
    execute: (who: Identity, caseId: string, command: CaseCommand, commandId: string) =>
      commands.execute(who, caseId, command, commandId),
    getCase: (who, caseId) => queries.getCase(who, caseId),
    available: (who, caseId) => queries.available(who, caseId),
    history: (who, caseId) => queries.history(who, caseId),
    listMine: (who, filter: CaseListFilter) => queries.listMine(who, filter),
  };
  return {
    cases,
    commands,
    providers,
    store,
    sweep: new ReviewSweep(commands, store, providers, clock),
    audit,
    record,
    subjectAccess,
    retention,
  };
}
