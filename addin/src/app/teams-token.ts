/** True when the page runs framed (in Teams/Outlook); a plain browser tab has no parent. */
export function isFramed(): boolean {
  return window.parent !== window;
}

/** The Teams SSO token for our API (Teams caches it: ask each time, never store it). */
export async function teamsToken(): Promise<string> {
  // Loaded only when framed: teams-js fetches its valid-domains list from a CDN when it loads.
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  return authentication.getAuthToken();
}
