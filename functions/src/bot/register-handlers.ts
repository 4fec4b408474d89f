import type { App } from '@microsoft/teams.apps';
import type { BotDeps } from './bot-deps';
import { forgetConversation, rememberConversation } from './conversations/remember-conversation';
import { onCardAction } from './invokes/on-card-action';
import { onFetchTask } from './message-extension/fetch-task';
import { onSubmitAction } from './message-extension/submit-action';
import { onMessage } from './messages/on-message';

/** Routes activities by the SDK's typed names (`card.action`, `message.ext.open`, ...): no `if (name === ...)` chains. */
export function registerHandlers(app: App, deps: BotDeps): void {
  app.on('message', (ctx) => onMessage(ctx, deps));
  app.on('card.action', (ctx) => onCardAction(ctx, deps));
  app.on('message.ext.open', (ctx) => onFetchTask(ctx, deps));
  app.on('message.ext.submit', (ctx) => onSubmitAction(ctx, deps));
  // Installing the app in someone's personal scope opens the conversation proactive messages use.
  app.on('install.add', (ctx) => rememberConversation(ctx.activity, deps.conversations, deps.log));
  app.on('install.remove', (ctx) => forgetConversation(ctx.activity, deps.conversations, deps.log));
}
