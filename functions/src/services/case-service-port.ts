import type { ReadableEntry } from '@shared/record/readable-history';
import type { CaseCommand, OpenCaseCommand } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { AvailableCommand, CaseSummary, CaseView } from '@shared/domain/view';
import type { Result } from '@shared/errors/refusal';

/** Filters for "my cases". */
export interface CaseListFilter {
  readonly stageId?: string;
  readonly status?: 'open' | 'closed';
  /** Only cases whose next review falls on or before this civil date (or is overdue). */
  readonly dueBy?: string;
  /** Words to find in the trainee's name, school or subject (all of them, any case or accent). */
  readonly q?: string;
}

/**
 * One audit event as the history view shows it: seq, type, at, actor ids, command and hash, plus
 * the actor's name and roles at the time, a plain-English summary with the changed fields, the
 * rule ids, whether anything was withheld from this reader, and correction links (issue 12).
 */
export type HistoryEntry = ReadableEntry;

/** Options of one command. */
export interface ExecuteOptions {
  /**
   * The case version the caller last saw (If-Match). When the case has moved on, the command is
   * refused PRECONDITION_FAILED with the current view in `details.case`, never applied over it.
   */
  readonly ifMatchVersion?: number;
}

/** The result of a command: the case as the caller now sees it. */
export interface CommandResult {
  readonly caseId: string;
  readonly events: readonly string[];
  /** The case as the caller now sees it, or null if the command ended their access. */
  readonly view: CaseView | null;
}

/**
 * The application service: the one entry point for every channel (API, bot, message extension,
 * timers). It authorises from case membership and role, calls the pure engine, and persists.
 * A case the caller may not see is NOT_FOUND, exactly like one that does not exist.
 */
export interface CaseServicePort {
  openCase(
    who: Identity,
    providerId: string,
    input: OpenCaseCommand,
    commandId: string,
  ): Promise<Result<CommandResult>>;
  execute(
    who: Identity,
    caseId: string,
    command: CaseCommand,
    commandId: string,
    options?: ExecuteOptions,
  ): Promise<Result<CommandResult>>;
  getCase(who: Identity, caseId: string): Promise<Result<CaseView>>;
  available(who: Identity, caseId: string): Promise<Result<readonly AvailableCommand[]>>;
  history(who: Identity, caseId: string): Promise<Result<readonly HistoryEntry[]>>;
  listMine(who: Identity, filter: CaseListFilter): Promise<Result<readonly CaseSummary[]>>;
  /** Which of these people may see the case (for per-user card views in shared chats). */
  viewersAmong(caseId: string, candidates: readonly Identity[]): Promise<readonly Identity[]>;
}
