import type { Caller } from '../auth/caller';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { providerAdmin } from '../http/provider-admin-runtime';
import { parseParams } from '../http/request-params';
import { fromResult, json } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';

async function handle(request: ApiRequest, who: Caller) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const result = await providerAdmin().read(who, path.value.providerId);
  return fromResult(result, (view) => json(200, view, { etag: view.etag }));
}

/** `GET /api/providers/{providerId}/settings`: the provider's configuration, for its leads and directors. */
export const providerSettingsGet = documented(
  {
    name: 'provider-settings-get',
    methods: ['GET'],
    route: 'providers/{providerId}/settings',
    handler: authenticated(handle),
  },
  {
    summary:
      'The provider’s settings, calendar, staff and procedure (programme lead or director); ETag for If-Match',
    tag: 'Providers',
    auth: 'teams-sso',
    params: providerParamsSchema,
    success: 200,
  },
);
