import { deepLinkRoute } from './deep-link';
import type { Session } from './session';
import { hostThemeName, type HostThemeName } from './theme';

/**
 * Connects to Teams, Outlook or the Microsoft 365 app: `app.initialize()`, the context's theme and
 * deep link, live theme changes, and SSO tokens (asked for on every call: the host caches them).
 */
export async function connectTeamsHost(): Promise<Session> {
  // Loaded only when framed: teams-js is not needed in a plain browser.
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  const listeners = new Set<(theme: HostThemeName) => void>();
  app.registerOnThemeChangeHandler((raw) => {
    for (const listener of listeners) listener(hostThemeName(raw));
  });
  return {
    host: 'teams',
    token: () => authentication.getAuthToken(),
    theme: hostThemeName(context.app.theme),
    onThemeChange: (listener) => listeners.add(listener),
    initialRoute: deepLinkRoute(context.page.subPageId),
  };
}
