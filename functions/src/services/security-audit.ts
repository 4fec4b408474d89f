import { randomUUID } from 'node:crypto';
import type { Identity } from '@shared/domain/context';
import type { ManagedTable } from '../infrastructure/tables/table-clients';

/** What a security audit row records. */
export type SecurityEventType =
  | 'access-refused'
  | 'special-category-read'
  /** Issue 8 item 2: a provider added, a tenant added (Deployment.Admin), or either refused. */
  | 'provider-created'
  | 'provider-tenants-added'
  | 'provider-change-refused'
  /** Issue 12: a case past retention erased to a tombstone. */
  | 'case-erased';

/** One security event as read back (tests, SAR exports). */
export interface SecurityEvent {
  readonly type: SecurityEventType;
  readonly caseId: string;
  readonly actorTid: string;
  readonly actorOid: string;
  readonly at: string;
}

const MAX_TICKS = 9_999_999_999_999;

/**
 * The `securityAudit` table (docs/data-stores.md): refused access to an existing case (Z6) and
 * reads of special-category data (AU1). Actor ids and case ids only: no personal data, no text.
 * Written only on those paths, so an ordinary command still costs two round trips.
 */
export class SecurityAudit {
  constructor(private readonly table: ManagedTable) {}

  /** Appends one event (insert-only; newest first within a provider-day partition). */
  async record(
    type: SecurityEventType,
    providerId: string,
    caseId: string,
    who: Identity,
    now: Date,
  ): Promise<void> {
    await this.table.ready();
    const at = now.toISOString();
    await this.table.client.createEntity({
      partitionKey: `${providerId}|${at.slice(0, 10)}`,
      rowKey: `${String(MAX_TICKS - now.getTime()).padStart(13, '0')}|${randomUUID()}`,
      type,
      caseId,
      actorTid: who.tid,
      actorOid: who.oid,
      at,
    });
  }

  /** A provider's events on one UTC day. */
  async day(providerId: string, date: string): Promise<SecurityEvent[]> {
    await this.table.ready();
    const rows: SecurityEvent[] = [];
    const filter = `PartitionKey eq '${providerId}|${date}'`;
    for await (const row of this.table.client.listEntities<SecurityEvent>({
      queryOptions: { filter },
    })) {
      rows.push({
        type: row.type,
        caseId: row.caseId,
        actorTid: row.actorTid,
        actorOid: row.actorOid,
        at: row.at,
      });
    }
    return rows;
  }
}
