/**
 * The bot's personal conversations, one row per person (table `botConversations`,
 * PartitionKey = tenant id, RowKey = Entra object id): what a proactive message needs, the
 * conversation id, the Bot Connector service URL and the bot's own channel account id. Written
 * when someone installs the app or messages the bot in a personal chat; read by the outbox relay
 * when Graph refuses an activity notification (issue 9 §3). Ids and URLs only, no names or text.
 */
import { RestError } from '@azure/data-tables';
import { z } from 'zod';
import { entraIdSchema } from '@shared/schemas/text';
import { TransientStorageError } from '../../infrastructure/tables/storage-errors';
import { toReadError } from '../../infrastructure/tables/storage-failures';
import type { ManagedTable } from '../../infrastructure/tables/table-clients';

/** The table's default name. */
export const conversationsTable = 'botConversations';

/** Where a proactive message to one person goes. */
export interface ConversationReference {
  readonly tenantId: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly botId: string;
}

const referenceSchema = z.object({
  tenantId: entraIdSchema(),
  userId: entraIdSchema(),
  conversationId: z.string().min(1).max(1024),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  botId: z.string().min(1).max(256),
});

const rowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  conversationId: z.string(),
  serviceUrl: z.string(),
  botId: z.string(),
});

/** Parses a reference from an activity's fields (throws a ZodError naming the bad field). */
function parseReference(input: unknown): ConversationReference {
  return referenceSchema.parse(input);
}

const same = (a: ConversationReference, b: ConversationReference) =>
  a.conversationId === b.conversationId && a.serviceUrl === b.serviceUrl && a.botId === b.botId;

export class ConversationReferences {
  constructor(private readonly table: ManagedTable) {}

  /** The stored reference for a person, if the bot has a personal conversation with them. */
  async find(tenantId: string, userId: string): Promise<ConversationReference | undefined> {
    const row = await this.read(tenantId, userId);
    return row?.reference;
  }

  /**
   * Stores (or moves) a person's reference: one point read, and a write only when it changed
   * (insert when new, else Replace under If-Match of the row read; a lost race reads again).
   * No process cache: the relay may forget a reference the connector no longer knows.
   */
  async remember(input: ConversationReference): Promise<'created' | 'updated' | 'unchanged'> {
    const reference = parseReference(input);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.read(reference.tenantId, reference.userId);
      const entity = {
        partitionKey: reference.tenantId,
        rowKey: reference.userId,
        conversationId: reference.conversationId,
        serviceUrl: reference.serviceUrl,
        botId: reference.botId,
      };
      try {
        if (current === undefined) await this.table.client.createEntity(entity);
        else if (same(current.reference, reference)) return 'unchanged';
        else await this.table.client.updateEntity(entity, 'Replace', { etag: current.etag });
        return current === undefined ? 'created' : 'updated';
      } catch (error) {
        const lostRace =
          error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412);
        if (!lostRace) throw toReadError(error, 'storing a bot conversation');
      }
    }
    throw new TransientStorageError('storing a bot conversation: other writers kept winning');
  }

  /** Forgets a person's reference (the app was removed, or the connector no longer knows it). */
  async forget(tenantId: string, userId: string): Promise<void> {
    await this.table.ready();
    try {
      await this.table.client.deleteEntity(tenantId, userId);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return;
      throw toReadError(error, 'forgetting a bot conversation');
    }
  }

  private async read(tenantId: string, userId: string) {
    await this.table.ready();
    let raw: unknown;
    try {
      raw = await this.table.client.getEntity(tenantId, userId);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw toReadError(error, 'reading a bot conversation');
    }
    const row = rowSchema.parse(raw);
    const reference = parseReference({
      tenantId: row.partitionKey,
      userId: row.rowKey,
      conversationId: row.conversationId,
      serviceUrl: row.serviceUrl,
      botId: row.botId,
    });
    return { reference, etag: row.etag };
  }
}
