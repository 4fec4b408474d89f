/**
 * The proactive bot fallback (issue 9 §3): when Graph refuses an activity notification because
 * the app is not installed for someone, a message in the bot's personal chat with them, if the
 * bot has one (`botConversations`), through the Bot Connector's
 * `POST {serviceUrl}/v3/conversations/{id}/activities` with an app-only token for the Bot
 * Framework (ADR 0003's identity). Otherwise the caller falls back to `sendMail`.
 */
import type { ConversationReferences } from '../../bot/conversations/conversation-references';
import type { Logger } from '../../http/logger';

/** A person the bot may know: their tenant and Entra object id. */
export interface BotRecipient {
  readonly tenantId: string;
  readonly objectId: string;
}

/** What the notification path needs from the bot. */
export interface BotFallback {
  /** Sends plain text to the person's personal chat; false when there is none to send to. */
  send(person: BotRecipient, text: string): Promise<boolean>;
  /** The link to the case that bot messages carry (a Teams deep link to the tab). */
  link(caseId: string): string;
}

export interface ProactiveBotOptions {
  readonly references: Pick<ConversationReferences, 'find' | 'forget'>;
  /** An app-only token for the connector's scope; null only in local mode (the Playground). */
  readonly token: ((scope: string) => Promise<string>) | null;
  /** The service URLs a message (and so the token) may go to. */
  readonly allowServiceUrl: (url: string) => boolean;
  readonly link: (caseId: string) => string;
  readonly log: Logger;
  readonly timeoutMs?: number;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

export class ProactiveBot implements BotFallback {
  constructor(private readonly options: ProactiveBotOptions) {}

  link(caseId: string): string {
    return this.options.link(caseId);
  }

  /**
   * Never throws: the activity feed went out for the others already, so any failure here (the
   * reference unreadable, the connector refusing or silent) means "use email", not "retry all".
   */
  async send(person: BotRecipient, text: string): Promise<boolean> {
    const { references, log } = this.options;
    const reference = await references
      .find(person.tenantId, person.objectId)
      .catch((error: unknown) => {
        log.warn('Could not read the bot conversation; using email', { error });
        return undefined;
      });
    if (reference === undefined) return false;
    if (!this.options.allowServiceUrl(reference.serviceUrl)) {
      log.warn('Stored bot conversation has a service URL we do not send to; using email');
      return false;
    }
    // Loaded on first use, like the bot itself: the Teams SDK is heavy and most runs need none.
    const { Client, MessageActivityInput, PUBLIC } = await import('@microsoft/teams.api');
    const token = this.options.token;
    const client = new Client(
      reference.serviceUrl,
      { timeout: this.options.timeoutMs ?? 15_000 },
      token === null
        ? {}
        : { cloud: PUBLIC, tokenProvider: { getAppToken: (scope: string) => token(scope) } },
    );
    try {
      const message = new MessageActivityInput(text, {
        textFormat: 'plain',
        from: { id: reference.botId, name: 'Support plans', role: 'bot' },
        conversation: { id: reference.conversationId, conversationType: 'personal' },
      });
      await client.conversations.createActivity(reference.conversationId, message);
      return true;
    } catch (error) {
      const status = statusOf(error);
      // The connector no longer knows the conversation (app removed, user gone): forget it.
      if (status === 403 || status === 404)
        await references.forget(person.tenantId, person.objectId).catch(() => undefined);
      log.warn('Proactive bot message not accepted; using email', {
        status: status ?? 'no answer',
      });
      return false;
    }
  }
}
