import { fetchLocalToken, type Persona } from '../api/local-idp';
import { deepLinkRoute } from './deep-link';
import type { Session } from './session';
import { hostThemeName, type HostThemeName } from './theme';

/**
 * A local-mode session for a persona: its token stays in memory (never storage) and is renewed
 * shortly before it expires; `?subPageId=` stands in for a host's deep link, `?theme=` for its theme.
 */
export async function localSession(persona: Persona): Promise<Session> {
  let token = await fetchLocalToken(persona.id);
  let issued = Date.now();
  const listeners = new Set<(theme: HostThemeName) => void>();
  const query = new URLSearchParams(window.location.search);
  return {
    host: 'local',
    token: async () => {
      if (Date.now() - issued > 30 * 60_000) {
        token = await fetchLocalToken(persona.id);
        issued = Date.now();
      }
      return token;
    },
    theme: hostThemeName(query.get('theme')),
    onThemeChange: (listener) => listeners.add(listener),
    initialRoute: deepLinkRoute(query.get('subPageId')),
    personaName: persona.name,
    setTheme: (theme) => {
      for (const listener of listeners) listener(theme);
    },
  };
}
