import { providerOverviewSchema } from '@shared/domain/overview/overview-schema';
import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { problem } from '../http/problem';
import { parseParams } from '../http/request-params';
import { fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const overview = runtime().overview;
  if (overview === undefined)
    return problem(
      503,
      'SERVICE_UNAVAILABLE',
      'The provider overview is not configured on this host.',
    );
  return fromResult(await overview.overview(who, path.value.providerId));
}

/** `GET /api/providers/{providerId}/overview`: the provider's figures, for its programme leads and directors. */
export const providerOverviewGet = documented(
  {
    name: 'provider-overview-get',
    methods: ['GET'],
    route: 'providers/{providerId}/overview',
    handler: authenticated(handle),
  },
  {
    summary:
      'Provider overview (programme lead or director): open cases by stage and school, reviews overdue, signatures outstanding, calendar days spent in each stage',
    tag: 'Providers',
    auth: 'teams-sso',
    params: providerParamsSchema,
    success: 200,
    response: providerOverviewSchema,
  },
);
