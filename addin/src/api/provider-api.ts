import { ApiClient, type TokenSource } from './client';
import { overviewSchema, settingsViewSchema, type Settings } from './provider-schemas';

/** The provider views' calls (overview, settings), loaded with those views only. */
export function providerApi(token: TokenSource) {
  const client = new ApiClient(token);
  const id = encodeURIComponent;
  return {
    overview: (providerId: string) =>
      client.get(`providers/${id(providerId)}/overview`, overviewSchema),
    settings: (providerId: string) =>
      client.get(`providers/${id(providerId)}/settings`, settingsViewSchema),
    /** Replaces the settings; `etag` is the one last read (a stale one is refused with 412). */
    saveSettings: (providerId: string, settings: Settings, etag: string) => {
      const { providerId: _id, ...body } = settings;
      return client.sendWithHeaders(
        'PUT',
        `providers/${id(providerId)}/settings`,
        body,
        settingsViewSchema,
        { 'if-match': etag },
      );
    },
  };
}

/** The provider views' API. */
export type ProviderApi = ReturnType<typeof providerApi>;
