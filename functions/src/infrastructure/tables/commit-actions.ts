import type { TransactionAction } from '@azure/data-tables';
import type { AppliedCommand, CommitRequest } from './case-store-port';
import { chainEvents, eventEntity } from './event-row';
import { outboxEntity, pendingIndexEntity } from './outbox-row';
import { assertId, isPendingRowKey } from './row-keys';
import { RECENT_COMMANDS_KEPT, snapshotEntity } from './snapshot-row';
import { StoreInputError, UnconditionalWriteError } from './storage-errors';

/** The actions of one commit, the seq the case reaches if it succeeds, and its chain head. */
export interface PreparedCommit {
  readonly actions: readonly TransactionAction[];
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly recentCommands: readonly AppliedCommand[];
}

function assertRequest(request: CommitRequest): void {
  assertId('providerId', request.providerId);
  assertId('caseId', request.caseId);
  const etag = request.expectedEtag;
  if (etag !== null && (etag.trim() === '' || etag.trim() === '*')) {
    throw new UnconditionalWriteError('etag', 'expectedEtag must be a real ETag or null (create)');
  }
  if (!Number.isSafeInteger(request.expectedSeq) || request.expectedSeq < 0) {
    throw new StoreInputError('expectedSeq must be a whole number >= 0');
  }
  if (request.effects.length > 0 && request.events.length === 0) {
    throw new StoreInputError('a command with effects must record at least one event');
  }
}

/** Builds snapshot (create, or Replace with If-Match) + event creates + outbox creates. */
export function prepareCommit(request: CommitRequest): PreparedCommit {
  assertRequest(request);
  const { providerId, caseId, commandId, expectedSeq } = request;
  const events = chainEvents(expectedSeq, request.prevHash, request.events, commandId);
  const last = events.at(-1);
  const lastSeq = last?.seq ?? expectedSeq;
  const applied: AppliedCommand = {
    commandId,
    firstSeq: expectedSeq + 1,
    lastSeq,
    result: request.result,
  };
  const lastHash = last?.hash ?? request.prevHash;
  const recentCommands = [...request.recentCommands, applied].slice(-RECENT_COMMANDS_KEPT);
  const snapshot = snapshotEntity({
    providerId,
    caseId,
    state: request.state,
    summary: request.summary,
    seq: lastSeq,
    lastHash,
    recentCommands,
  });
  const first: TransactionAction =
    request.expectedEtag === null
      ? ['create', snapshot]
      : ['update', snapshot, 'Replace', { etag: request.expectedEtag }];
  return {
    actions: [
      first,
      ...events.map((event): TransactionAction => [
        'create',
        eventEntity(providerId, caseId, event),
      ]),
      ...request.effects.map((effect, index): TransactionAction => [
        'create',
        outboxEntity(providerId, caseId, lastSeq, index, effect, commandId, request.claimedAt),
      ]),
      ...(request.effects.length === 0
        ? []
        : [
            [
              'create',
              pendingIndexEntity(providerId, caseId, lastSeq, events.at(-1)?.at ?? ''),
            ] satisfies TransactionAction,
          ]),
      ...(request.settle ?? []).map((settled): TransactionAction => {
        if (settled.etag.trim() === '' || settled.etag.trim() === '*')
          throw new UnconditionalWriteError('etag', 'a settlement needs the claim ETag');
        return [
          'update',
          {
            partitionKey: providerId,
            rowKey: settled.rowKey,
            status: settled.status,
            settledAt: settled.at,
          },
          'Merge',
          { etag: settled.etag },
        ];
      }),
      ...(request.clearPending ?? []).map((rowKey): TransactionAction => {
        if (!isPendingRowKey(rowKey))
          throw new StoreInputError(`only pending-index rows are cleared in a commit (${rowKey})`);
        return ['delete', { partitionKey: providerId, rowKey }];
      }),
    ],
    lastSeq,
    lastHash,
    recentCommands,
  };
}
