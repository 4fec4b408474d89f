import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { problem } from '../http/problem';
import { okJson } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';
import { myProviders } from '../services/my-providers';

async function handle(_request: ApiRequest, who: Identity) {
  const providers = runtime().providers;
  if (providers === undefined)
    return problem(
      503,
      'SERVICE_UNAVAILABLE',
      'The provider directory is not configured on this host.',
    );
  return okJson({ providers: await myProviders(providers, who) });
}

/** `GET /api/me/providers`: the providers whose staff the caller is, and the provider views they may open. */
export const meProvidersGet = documented(
  {
    name: 'me-providers-get',
    methods: ['GET'],
    route: 'me/providers',
    handler: authenticated(handle),
  },
  {
    summary:
      'The providers whose staff directory names the caller, their roles there, and the provider views (overview, settings) they may open',
    tag: 'Providers',
    auth: 'teams-sso',
    success: 200,
  },
);
