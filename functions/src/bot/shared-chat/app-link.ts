import type { AppConfig } from '../../config/app-config';

/** The manifest's personal tab that lists cases (`staticTabs[].entityId`). */
export const casesTabEntityId = 'cases';

/**
 * A link that opens a case in the app, for the neutral card of a shared conversation. In Teams a
 * deep link to our personal tab (the manifest id is the Entra app id, `APP_ID`) with the case
 * as `subEntityId`; locally the tab the local host serves.
 */
export function appLinkFor(
  config: Pick<AppConfig, 'appEnv' | 'auth' | 'port'>,
): (caseId: string) => string {
  if (config.appEnv === 'local') return () => `http://localhost:${String(config.port)}/tab/`;
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.auth.clientId)}/${casesTabEntityId}`;
  return (caseId) =>
    `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: caseId }))}`;
}
