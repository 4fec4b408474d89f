/**
 * The due-date index (ADR 0011, docs/data-stores.md "Table dueIndex"): a partition per UK day
 * with a row per (provider, case, reminder kind, occurrence) falling due that day; claim rows
 * taken with a conditional insert before a reminder is issued; and the sweep's watermark. The
 * sweep reads only these partitions, never the cases.
 */
import { RestError, odata, type TransactionAction } from '@azure/data-tables';
import { addCalendarDays } from '@shared/calendar';
import { assertId } from './row-keys';
import { TransactionGuardError } from './storage-errors';
import { toReadError } from './storage-failures';
import type { ManagedTable } from './table-clients';

/** One row: a case's item `key` (`{kind}:{occurrence}`) falling due on `day`. */
export interface DueRow {
  readonly day: string;
  readonly providerId: string;
  readonly caseId: string;
  readonly key: string;
}

/** What claiming a row came to: ours, already issued by someone, or held by a live sweep. */
export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly etag: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'busy' };

const dayKey = (day: string) => `d|${day}`;
const claimKey = (day: string) => `k|${day}`;
const rowKeyOf = (row: Omit<DueRow, 'day'>) => `${row.providerId}|${row.caseId}|${row.key}`;
const claimRowKey = (row: DueRow) => `${row.providerId}|${row.caseId}|${row.key}`;
const WATERMARK = { partitionKey: 'w', rowKey: 'sweep' } as const;
const CLAIMS_MARK = { partitionKey: 'w', rowKey: 'claims' } as const;
const isStatus = (error: unknown, ...codes: number[]) =>
  error instanceof RestError && codes.includes(error.statusCode ?? 0);

/** Most actions in one entity-group transaction. */
const BATCH = 100;

/** `items` grouped by partition, in chunks of at most one transaction each. */
function chunksBy<T>(items: readonly T[], partition: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = partition(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  const chunks: T[][] = [];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += BATCH) chunks.push(group.slice(i, i + BATCH));
  return chunks;
}

/** One claim this sweep holds, to end: finished (issued or gone) or released (moved later). */
export interface HeldClaim {
  readonly row: DueRow;
  readonly etag: string;
  readonly release: boolean;
}

const claimEntity = (row: DueRow, runId: string, now: Date) => ({
  partitionKey: claimKey(row.day),
  rowKey: claimRowKey(row),
  status: 'claimed',
  runId,
  claimedAt: now.toISOString(),
});

const doneEntity = (row: DueRow, now: Date) => ({
  partitionKey: claimKey(row.day),
  rowKey: claimRowKey(row),
  status: 'done',
  doneAt: now.toISOString(),
});

function rowOf(day: string, entity: Record<string, unknown>): DueRow | null {
  const { providerId, caseId, key } = entity;
  if (typeof providerId !== 'string' || typeof caseId !== 'string' || typeof key !== 'string')
    return null;
  return { day, providerId, caseId, key };
}

export class DueIndexStore {
  constructor(private readonly table: ManagedTable) {}

  /** Writes rows (idempotent upserts), a transaction per day partition and 100 rows. */
  async put(rows: readonly DueRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.table.ready();
    const entity = (row: DueRow) => {
      assertId('providerId', row.providerId);
      assertId('caseId', row.caseId);
      return {
        partitionKey: dayKey(row.day),
        rowKey: rowKeyOf(row),
        providerId: row.providerId,
        caseId: row.caseId,
        key: row.key,
      };
    };
    const one = async (row: DueRow) => {
      try {
        await this.table.client.upsertEntity(entity(row), 'Replace');
      } catch (error) {
        throw toReadError(error, `writing the due index of ${row.caseId}`);
      }
    };
    await Promise.all(
      chunksBy(rows, (r) => r.day).map(async (chunk) => {
        if (chunk.length === 1) return one(chunk[0] as DueRow);
        const actions = chunk.map((r): TransactionAction => ['upsert', entity(r), 'Replace']);
        // Upserts are idempotent: a failed transaction is simply redone row by row.
        const done = await this.submit(actions);
        if (!done) await Promise.all(chunk.map(one));
      }),
    );
  }

  /** Removes rows (a row already gone is fine), a transaction per day partition and 100 rows. */
  async remove(rows: readonly DueRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.table.ready();
    const one = async (row: DueRow) => {
      try {
        await this.table.client.deleteEntity(dayKey(row.day), rowKeyOf(row));
      } catch (error) {
        if (isStatus(error, 404)) return;
        throw toReadError(error, `removing a due row of ${row.caseId}`);
      }
    };
    await Promise.all(
      chunksBy(rows, (r) => r.day).map(async (chunk) => {
        if (chunk.length === 1) return one(chunk[0] as DueRow);
        const actions = chunk.map((r): TransactionAction => [
          'delete',
          { partitionKey: dayKey(r.day), rowKey: rowKeyOf(r) },
        ]);
        // One row already gone (404) fails the whole transaction: then row by row.
        const done = await this.submit(actions);
        if (!done) await Promise.all(chunk.map(one));
      }),
    );
  }

  /** True when the transaction committed; false when it failed or its outcome is unknown. */
  private async submit(actions: TransactionAction[]): Promise<false | string[]> {
    // Azurite accepts a batch over several partitions (Azurite#1215); Azure does not.
    const partition = actions[0]?.[1].partitionKey;
    if (actions.length > BATCH || actions.some((a) => a[1].partitionKey !== partition))
      throw new TransactionGuardError('single-partition', 'a due-index batch spans partitions');
    try {
      const response = await this.table.client.submitTransaction(actions);
      return response.subResponses.map((r) => r.etag ?? '');
    } catch {
      return false;
    }
  }

  /** Every row due on `day` (one partition query, paged by the SDK). */
  async day(day: string): Promise<DueRow[]> {
    await this.table.ready();
    const filter = odata`PartitionKey eq ${dayKey(day)}`;
    const rows: DueRow[] = [];
    try {
      const listed = this.table.client.listEntities({
        queryOptions: { filter, select: ['providerId', 'caseId', 'key'] },
      });
      for await (const entity of listed) {
        const row = rowOf(day, entity);
        if (row !== null) rows.push(row);
      }
    } catch (error) {
      throw toReadError(error, `reading the due index for ${day}`);
    }
    return rows;
  }

  /**
   * Claims many rows: conditional inserts, a transaction per day and 100 rows. A transaction is
   * all or nothing, so when one row is already claimed (409) or the outcome is unknown, that
   * chunk is claimed row by row (`claim`, which knows its own run's claims). Answers in order.
   */
  async claimAll(
    rows: readonly DueRow[],
    runId: string,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimOutcome[]> {
    const answers = new Map<DueRow, ClaimOutcome>();
    await this.table.ready();
    await Promise.all(
      chunksBy(rows, (r) => r.day).map(async (chunk) => {
        const etags =
          chunk.length === 1
            ? false
            : await this.submit(
                chunk.map((row): TransactionAction => ['create', claimEntity(row, runId, now)]),
              );
        if (etags !== false && etags.every((e) => e !== '')) {
          chunk.forEach((row, i) => answers.set(row, { kind: 'claimed', etag: etags[i] ?? '' }));
          return;
        }
        for (const row of chunk) answers.set(row, await this.claim(row, runId, now, leaseMs));
      }),
    );
    return rows.map((row) => answers.get(row) ?? { kind: 'busy' });
  }

  /**
   * Ends claims: finished ones marked done (If-Match), a transaction per day and 100 claims;
   * released ones deleted one by one (a transaction's delete cannot carry If-Match). A chunk
   * that fails (a claim taken over: 412) is finished claim by claim, which ignores the lost one.
   */
  async endClaims(claims: readonly HeldClaim[], now: Date): Promise<void> {
    const finishing = claims.filter((c) => !c.release);
    await Promise.all([
      ...claims.filter((c) => c.release).map((c) => this.release(c.row, c.etag)),
      ...chunksBy(finishing, (c) => c.row.day).map(async (chunk) => {
        if (chunk.length > 1) {
          const done = await this.submit(
            chunk.map((c): TransactionAction => [
              'update',
              doneEntity(c.row, now),
              'Merge',
              { etag: c.etag },
            ]),
          );
          if (done !== false) return;
        }
        await Promise.all(chunk.map((c) => this.finish(c.row, c.etag, now)));
      }),
    ]);
  }

  /**
   * Drops claim partitions no sweep can still use (ADR 0015), in two steps a hold apart. A run
   * notes the watermark it read and when (row `w`/`claims`); a run at least `holdMs` later drops
   * the claim partitions through that noted day (at most 31 days a run, from where the last drop
   * ended; the first drop starts 30 days back: older claims predate the index's
   * first weeks), then notes the watermark again. Days through the
   * noted one are read by no sweep that started after the note, and one that started before it
   * is past its claim lease. Answers how many claim rows went.
   */
  async dropClaims(watermark: string, now: Date, holdMs: number): Promise<number> {
    await this.table.ready();
    let mark: { etag: string; dropped: string | null; noted: string; notedAt: number } | null;
    try {
      const row = await this.table.client.getEntity(CLAIMS_MARK.partitionKey, CLAIMS_MARK.rowKey);
      mark = {
        etag: row.etag,
        dropped: typeof row.droppedThrough === 'string' ? row.droppedThrough : null,
        noted: typeof row.noted === 'string' ? row.noted : '',
        notedAt: typeof row.notedAt === 'string' ? Date.parse(row.notedAt) : 0,
      };
    } catch (error) {
      if (!isStatus(error, 404)) throw toReadError(error, 'reading the claims mark');
      mark = null;
    }
    const note = { noted: watermark, notedAt: now.toISOString() };
    if (mark === null) {
      await this.writeMark(note, undefined);
      return 0;
    }
    if (now.getTime() - mark.notedAt < holdMs) return 0;
    const from =
      mark.dropped === null ? addCalendarDays(mark.noted, -30) : addCalendarDays(mark.dropped, 1);
    const days: string[] = [];
    for (let d = from; d <= mark.noted && days.length < 31; d = addCalendarDays(d, 1)) days.push(d);
    let dropped = 0;
    for (const day of days) dropped += await this.dropDay(day);
    const through = days.at(-1) ?? mark.dropped;
    const caughtUp = through === null || through >= mark.noted;
    const next = {
      ...(through === null ? {} : { droppedThrough: through }),
      ...(caughtUp && watermark > mark.noted
        ? note
        : { noted: mark.noted, notedAt: new Date(mark.notedAt).toISOString() }),
    };
    if (days.length > 0 || (caughtUp && watermark > mark.noted))
      await this.writeMark(next, mark.etag);
    return dropped;
  }

  /** Writes the claims mark (create, or If-Match): a sweep that lost the race changes nothing. */
  private async writeMark(fields: Record<string, string>, etag: string | undefined) {
    const entity = { ...CLAIMS_MARK, ...fields };
    try {
      if (etag === undefined) await this.table.client.createEntity(entity);
      else await this.table.client.updateEntity(entity, 'Replace', { etag });
    } catch (error) {
      if (!isStatus(error, 409, 412)) throw toReadError(error, 'writing the claims mark');
    }
  }

  /** Deletes one day's claim rows, 100 to a transaction. */
  private async dropDay(day: string): Promise<number> {
    const keys: string[] = [];
    try {
      const listed = this.table.client.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${claimKey(day)}`, select: ['RowKey'] },
      });
      for await (const entity of listed) if (entity.rowKey !== undefined) keys.push(entity.rowKey);
    } catch (error) {
      throw toReadError(error, `reading the claims of ${day}`);
    }
    for (let i = 0; i < keys.length; i += BATCH) {
      const chunk = keys.slice(i, i + BATCH);
      const done = await this.submit(
        chunk.map((rowKey): TransactionAction => [
          'delete',
          { partitionKey: claimKey(day), rowKey },
        ]),
      );
      if (done === false)
        await Promise.all(
          chunk.map(async (rowKey) => {
            try {
              await this.table.client.deleteEntity(claimKey(day), rowKey);
            } catch (error) {
              if (!isStatus(error, 404)) throw toReadError(error, `dropping a claim of ${day}`);
            }
          }),
        );
    }
    return keys.length;
  }

  /**
   * Claims a row for one sweep with a conditional insert; a claim left unfinished by a sweep
   * that died (older than `leaseMs`) is taken over with If-Match, so only one sweep wins it.
   */
  async claim(row: DueRow, runId: string, now: Date, leaseMs: number): Promise<ClaimOutcome> {
    const entity = claimEntity(row, runId, now);
    try {
      const created = await this.table.client.createEntity(entity);
      return { kind: 'claimed', etag: created.etag ?? '' };
    } catch (error) {
      if (!isStatus(error, 409)) throw toReadError(error, `claiming ${row.key} of ${row.caseId}`);
    }
    try {
      const held = await this.table.client.getEntity(entity.partitionKey, entity.rowKey);
      if (held.status === 'done') return { kind: 'done' };
      // This run's own claim (a claiming transaction whose answer was lost did commit).
      if (held.runId === runId && held.claimedAt === entity.claimedAt)
        return { kind: 'claimed', etag: held.etag };
      const since = typeof held.claimedAt === 'string' ? Date.parse(held.claimedAt) : 0;
      if (now.getTime() - since < leaseMs) return { kind: 'busy' };
      const taken = await this.table.client.updateEntity(entity, 'Replace', { etag: held.etag });
      return { kind: 'claimed', etag: taken.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404, 412)) return { kind: 'busy' };
      throw toReadError(error, `taking over the claim on ${row.key} of ${row.caseId}`);
    }
  }

  /** Marks a claim done (If-Match: a sweep that lost its claim to a take-over changes nothing). */
  async finish(row: DueRow, etag: string, now: Date): Promise<void> {
    try {
      await this.table.client.updateEntity(doneEntity(row, now), 'Merge', { etag });
    } catch (error) {
      if (isStatus(error, 404, 412)) return;
      throw toReadError(error, `finishing the claim on ${row.key} of ${row.caseId}`);
    }
  }

  /** Releases a claim (the row moved to a later day, so it may be claimed again there). */
  async release(row: DueRow, etag: string): Promise<void> {
    try {
      await this.table.client.deleteEntity(claimKey(row.day), claimRowKey(row), { etag });
    } catch (error) {
      if (isStatus(error, 404, 412)) return;
      throw toReadError(error, `releasing the claim on ${row.key} of ${row.caseId}`);
    }
  }

  /** The last UK day whose partition a sweep emptied (null before the first). */
  async watermark(): Promise<string | null> {
    await this.table.ready();
    try {
      const row = await this.table.client.getEntity(WATERMARK.partitionKey, WATERMARK.rowKey);
      return typeof row.doneThrough === 'string' ? row.doneThrough : null;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw toReadError(error, 'reading the sweep watermark');
    }
  }

  /** Moves the watermark forward to `day` (never back: a slower overlapping sweep cannot undo it). */
  async advance(day: string): Promise<void> {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      let etag: string | undefined;
      let current: string | null = null;
      try {
        const row = await this.table.client.getEntity(WATERMARK.partitionKey, WATERMARK.rowKey);
        etag = row.etag;
        current = typeof row.doneThrough === 'string' ? row.doneThrough : null;
      } catch (error) {
        if (!isStatus(error, 404)) throw toReadError(error, 'reading the sweep watermark');
      }
      if (current !== null && current >= day) return;
      const entity = { ...WATERMARK, doneThrough: day };
      try {
        if (etag === undefined) await this.table.client.createEntity(entity);
        else await this.table.client.updateEntity(entity, 'Replace', { etag });
        return;
      } catch (error) {
        if (!isStatus(error, 409, 412)) throw toReadError(error, 'moving the sweep watermark');
      }
    }
  }

  /** The provider settings version its open cases were last indexed with (null: never). */
  async indexedWith(providerId: string): Promise<string | null> {
    await this.table.ready();
    try {
      const row = await this.table.client.getEntity('w', `p|${providerId}`);
      return typeof row.settingsEtag === 'string' ? row.settingsEtag : null;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw toReadError(error, `reading the index mark of ${providerId}`);
    }
  }

  /** Records that the provider's open cases are indexed with this settings version. */
  async markIndexed(providerId: string, settingsEtag: string, now: Date): Promise<void> {
    try {
      await this.table.client.upsertEntity(
        { partitionKey: 'w', rowKey: `p|${providerId}`, settingsEtag, at: now.toISOString() },
        'Replace',
      );
    } catch (error) {
      throw toReadError(error, `marking the index of ${providerId}`);
    }
  }
}
