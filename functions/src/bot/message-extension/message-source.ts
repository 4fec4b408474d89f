import type { MessagingExtensionAction } from '@microsoft/teams.api';
import { htmlToText } from '../html-to-text';

/** The message an action command was started on (context `message`), as plain text and author. */
export interface SourceMessage {
  readonly text: string;
  readonly author: string | undefined;
  readonly url: string | undefined;
}

/** Reads `messagePayload`: body text (HTML stripped), author name and link. Empty in `compose`. */
export function sourceMessage(value: MessagingExtensionAction): SourceMessage {
  const payload = value.messagePayload;
  const body = payload?.body;
  const raw = body?.content ?? '';
  return {
    text: body?.contentType === 'text' ? raw.trim() : htmlToText(raw),
    author: payload?.from?.user?.displayName,
    url: payload?.linkToMessage,
  };
}
