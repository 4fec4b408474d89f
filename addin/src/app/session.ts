import type { HostThemeName } from './theme';

/** How the tab is running and signed in. */
export interface Session {
  readonly host: 'teams' | 'local';
  /** A token for each API call (`authentication.getAuthToken()` in a host; the local IdP's otherwise). */
  readonly token: () => Promise<string>;
  readonly theme: HostThemeName;
  /** Calls back when the host's theme changes (no-op outside a host). */
  readonly onThemeChange: (listener: (theme: HostThemeName) => void) => void;
  /** The route a deep link asked for (`subPageId`), if any. */
  readonly initialRoute: string | null;
  /** Who is signed in locally (local mode only). */
  readonly personaName?: string;
  /** Switches the theme as a host would (local mode only: there is no host to follow). */
  readonly setTheme?: (theme: HostThemeName) => void;
}

/** True when the page runs framed (in Teams/Outlook); a plain browser tab has no parent. */
export function isFramed(): boolean {
  return window.parent !== window;
}
