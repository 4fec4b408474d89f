/**
 * The outbox queue on Azure Queue Storage (Azurite locally): one small message per committed
 * command with effects, `{providerId, caseId}` as base64 JSON (the Functions host's default
 * `messageEncoding`), so the queue trigger (and our local poller) delivers that case.
 */
import type { TokenCredential } from '@azure/identity';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { z } from 'zod';

/** How to reach Queue Storage: Azurite's connection string, or the account's queue endpoint + identity. */
export type QueueConnection =
  | { readonly connectionString: string }
  | { readonly endpoint: string; readonly credential: TokenCredential };

/** The message a commit puts on the queue. */
export const outboxMessageSchema = z.strictObject({
  providerId: z.string().min(1).max(100),
  caseId: z.string().min(1).max(200),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A queue client for `name` (created on first use). */
export function openQueue(connection: QueueConnection, name: string): QueueClient {
  const service =
    'connectionString' in connection
      ? QueueServiceClient.fromConnectionString(connection.connectionString)
      : new QueueServiceClient(connection.endpoint, connection.credential);
  return service.getQueueClient(name);
}

/** Base64 of the JSON, as the Functions host expects by default. */
export function encodeMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
}

/** The JSON inside a base64 message (what the Functions host hands a queue trigger). */
export function decodeMessage(text: string): unknown {
  const json = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** Puts outbox messages on the queue, creating it once. */
export class OutboxQueue {
  private creating: Promise<unknown> | undefined;

  constructor(readonly client: QueueClient) {}

  async enqueue(message: OutboxMessage): Promise<void> {
    this.creating ??= this.client.createIfNotExists().catch((error: unknown) => {
      this.creating = undefined;
      throw error;
    });
    await this.creating;
    await this.client.sendMessage(encodeMessage(message));
  }
}
