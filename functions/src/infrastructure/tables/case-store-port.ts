/**
 * The contract between the application service and the case table.
 *
 * Layout (docs/data-stores.md): table `cases`, PartitionKey = providerId, so every command on a
 * case is one point read of its snapshot row and one entity-group transaction in the provider's
 * partition. Row keys: `c|{caseId}` snapshot, `e|{caseId}|{seq:0000000000}` audit events,
 * `o|{caseId}|{seq:0000000000}|{index:000}` outbox effects.
 */

/** Who did something: the Entra tenant and object id, never an email or UPN. */
export interface ActorRef {
  readonly tid: string;
  readonly oid: string;
}

/** Flat, queryable columns written on the snapshot row beside the state JSON. */
export type SummaryColumns = Readonly<Record<string, string | number | boolean | null>>;

/** One command already applied to the case, kept so a retried command is recognised. */
export interface AppliedCommand {
  readonly commandId: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  /** JSON result returned to the caller the first time, replayed on a retry. */
  readonly result: unknown;
}

/** What one point read of a snapshot row returns. */
export interface StoredCase {
  readonly providerId: string;
  readonly caseId: string;
  readonly state: unknown;
  readonly etag: string;
  /** Sequence number of the last event (0 when none). */
  readonly seq: number;
  /** Hash of the last event in the per-case chain ('' before the first event). */
  readonly lastHash: string;
  readonly recentCommands: readonly AppliedCommand[];
}

/** One audit event to append in the same transaction as the snapshot. */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly actor: ActorRef;
  /** UTC ISO-8601 instant, ending in Z. */
  readonly at: string;
  readonly command: string;
}

/** One side effect (notification, meeting, reminder) to carry out after the commit. */
export interface NewEffect {
  readonly kind: string;
  readonly data: unknown;
}

/**
 * An outbox row the commit settles, under If-Match of the relay's claim: recording a delivery on
 * the case and settling its effect are then one transaction (a crash leaves both or neither).
 */
export interface OutboxSettlement {
  readonly rowKey: string;
  /** The ETag the relay's claim returned. */
  readonly etag: string;
  readonly status: 'delivered' | 'failed' | 'skipped';
  /** UTC ISO-8601 instant. */
  readonly at: string;
}

/** Everything one command writes, atomically. */
export interface CommitRequest {
  readonly providerId: string;
  readonly caseId: string;
  /** ETag of the snapshot that was read, or null to create the case. */
  readonly expectedEtag: string | null;
  /** `seq` of the snapshot that was read (0 to create): new events continue from it. */
  readonly expectedSeq: number;
  /** `lastHash` of the snapshot that was read ('' to create): the hash chain continues from it. */
  readonly prevHash: string;
  /** `recentCommands` of the snapshot that was read ([] to create): this command is appended. */
  readonly recentCommands: readonly AppliedCommand[];
  readonly state: unknown;
  readonly summary: SummaryColumns;
  readonly events: readonly NewEvent[];
  readonly effects: readonly NewEffect[];
  readonly commandId: string;
  readonly result: unknown;
  /** Outbox rows settled in the same transaction (the relay recording a delivery). */
  readonly settle?: readonly OutboxSettlement[];
  /**
   * Writes this commit's outbox rows already claimed (`sending`, claimed at this UTC instant) by
   * the caller, which delivers them itself (the sweep): no separate claim round. A caller that
   * dies leaves them to the relay once the outbox lease has passed, like any unsettled claim.
   */
  readonly claimedAt?: string;
  /**
   * Pending-index rows (`p|…`) deleted in the same transaction, the last effect of their command
   * being settled by it. Write-once rows, never updated: the delete needs no ETag (as `clearIndex`).
   */
  readonly clearPending?: readonly string[];
}

/** A row a commit wrote, with the ETag the transaction returned for it. */
export interface WrittenRow {
  readonly rowKey: string;
  readonly etag: string;
}

/** The outbox rows (in effect order) and pending-index row a commit created, with their ETags. */
export interface WrittenEffects {
  readonly outbox: readonly WrittenRow[];
  readonly pending: WrittenRow | null;
}

/** The outcome of a commit. */
export type CommitOutcome =
  | {
      readonly kind: 'committed';
      readonly etag: string;
      readonly seq: number;
      /** The snapshot as now stored, so a caller writing again need not read it back. */
      readonly snapshot: StoredCase;
      /** Its outbox and pending-index rows with their ETags (absent when only re-read). */
      readonly written?: WrittenEffects;
    }
  /** The command had already been committed (a retry after a timeout): its first result. */
  | { readonly kind: 'duplicate'; readonly result: unknown }
  /** Someone else wrote first (412 on update, 409 on create). Re-read and re-decide. */
  | { readonly kind: 'conflict' };

/** One commit's answer inside `commitMany`: its outcome, or the error `commit` threw. */
export type CommitSettled =
  | { readonly ok: true; readonly outcome: CommitOutcome }
  | { readonly ok: false; readonly error: unknown };

/** The commit fields that come from the snapshot that was read (or from nothing, to create). */
export type CommitBase = Pick<
  CommitRequest,
  'expectedEtag' | 'expectedSeq' | 'prevHash' | 'recentCommands'
>;

/** The CommitBase for a command decided on `loaded` (undefined: the case is being created). */
export function commitBase(loaded: StoredCase | undefined): CommitBase {
  if (loaded === undefined) {
    return { expectedEtag: null, expectedSeq: 0, prevHash: '', recentCommands: [] };
  }
  const { etag, seq, lastHash, recentCommands } = loaded;
  return { expectedEtag: etag, expectedSeq: seq, prevHash: lastHash, recentCommands };
}

/** A stored audit event as read back for the history view and chain verification. */
export interface StoredEvent extends NewEvent {
  readonly seq: number;
  readonly commandId: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The case table, as the application service sees it. */
export interface CaseStore {
  /** One point read of the snapshot row. */
  load(providerId: string, caseId: string): Promise<StoredCase | undefined>;
  /** One entity-group transaction: snapshot (If-Match) + events + effects. */
  commit(request: CommitRequest): Promise<CommitOutcome>;
  /**
   * Several commits (of one or more cases) packed into as few entity-group transactions as fit
   * per provider partition; a transaction that fails is redone commit by commit, so each answer
   * is exactly what `commit` would have answered (or its error).
   */
  commitMany(requests: readonly CommitRequest[]): Promise<CommitSettled[]>;
  /** Snapshot rows of one provider (summary columns and state), for listings and sweeps. */
  listSnapshots(
    providerId: string,
  ): AsyncIterable<StoredCase & { readonly summary: SummaryColumns }>;
  /**
   * Only the named summary columns of one provider's snapshot rows (no state): a `$select`
   * range query, for finding a caller's cases without reading every case in full.
   */
  listSummaries(
    providerId: string,
    columns: readonly string[],
  ): AsyncIterable<{ readonly caseId: string; readonly summary: SummaryColumns }>;
  /** A case's audit events, in order. */
  events(providerId: string, caseId: string): Promise<StoredEvent[]>;
}
