/**
 * The due-date index (ADR 0011, docs/data-stores.md "Table dueIndex"): a partition per UK day
 * with a row per (provider, case, reminder kind, occurrence) falling due that day; claim rows
 * taken with a conditional insert before a reminder is issued; and the sweep's watermark. The
 * sweep reads only these partitions, never the cases.
 */
import { RestError, odata } from '@azure/data-tables';
import { assertId } from './row-keys';
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
const isStatus = (error: unknown, ...codes: number[]) =>
  error instanceof RestError && codes.includes(error.statusCode ?? 0);

function rowOf(day: string, entity: Record<string, unknown>): DueRow | null {
  const { providerId, caseId, key } = entity;
  if (typeof providerId !== 'string' || typeof caseId !== 'string' || typeof key !== 'string')
    return null;
  return { day, providerId, caseId, key };
}

export class DueIndexStore {
  constructor(private readonly table: ManagedTable) {}

  /** Writes rows (idempotent upserts; a row already there is left as it is). */
  async put(rows: readonly DueRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.table.ready();
    await Promise.all(
      rows.map(async (row) => {
        assertId('providerId', row.providerId);
        assertId('caseId', row.caseId);
        try {
          await this.table.client.upsertEntity(
            {
              partitionKey: dayKey(row.day),
              rowKey: rowKeyOf(row),
              providerId: row.providerId,
              caseId: row.caseId,
              key: row.key,
            },
            'Replace',
          );
        } catch (error) {
          throw toReadError(error, `writing the due index of ${row.caseId}`);
        }
      }),
    );
  }

  /** Removes rows (a row already gone is fine). */
  async remove(rows: readonly DueRow[]): Promise<void> {
    await Promise.all(
      rows.map(async (row) => {
        try {
          await this.table.client.deleteEntity(dayKey(row.day), rowKeyOf(row));
        } catch (error) {
          if (isStatus(error, 404)) return;
          throw toReadError(error, `removing a due row of ${row.caseId}`);
        }
      }),
    );
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
   * Claims a row for one sweep with a conditional insert; a claim left unfinished by a sweep
   * that died (older than `leaseMs`) is taken over with If-Match, so only one sweep wins it.
   */
  async claim(row: DueRow, runId: string, now: Date, leaseMs: number): Promise<ClaimOutcome> {
    const entity = {
      partitionKey: claimKey(row.day),
      rowKey: claimRowKey(row),
      status: 'claimed',
      runId,
      claimedAt: now.toISOString(),
    };
    try {
      const created = await this.table.client.createEntity(entity);
      return { kind: 'claimed', etag: created.etag ?? '' };
    } catch (error) {
      if (!isStatus(error, 409)) throw toReadError(error, `claiming ${row.key} of ${row.caseId}`);
    }
    try {
      const held = await this.table.client.getEntity(entity.partitionKey, entity.rowKey);
      if (held.status === 'done') return { kind: 'done' };
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
      await this.table.client.updateEntity(
        {
          partitionKey: claimKey(row.day),
          rowKey: claimRowKey(row),
          status: 'done',
          doneAt: now.toISOString(),
        },
        'Merge',
        { etag },
      );
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
