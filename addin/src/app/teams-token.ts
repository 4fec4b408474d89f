import { app, authentication } from '@microsoft/teams-js';

/** True when the page runs framed (in Teams/Outlook); a plain browser tab has no parent. */
export function isFramed(): boolean {
  return window.parent !== window;
}

/** The Teams SSO token for our API (Teams caches it: ask each time, never store it). */
export async function teamsToken(): Promise<string> {
  await app.initialize();
  return authentication.getAuthToken();
}
