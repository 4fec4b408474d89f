import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { problem } from '../http/problem';
import { parseParams } from '../http/request-params';
import { okJson } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';
import { procedureOutline } from '../services/procedure-outline';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const provider = await runtime().providers?.get(path.value.providerId);
  // Only people of the provider's tenants see its procedure; anyone else: as if it did not exist.
  if (provider === undefined || !provider.settings.tenants.includes(who.tid))
    return problem(404, 'NOT_FOUND', 'No such provider.');
  return okJson(procedureOutline(provider.definition));
}

/** `GET /api/providers/{providerId}/procedure`: the procedure's stages, entries and pick lists (for the tab). */
export const providerProcedureGet = documented(
  {
    name: 'provider-procedure-get',
    methods: ['GET'],
    route: 'providers/{providerId}/procedure',
    handler: authenticated(handle),
  },
  {
    summary:
      'The provider’s procedure outline: stages in order, their entries and closures with rules, concern categories, IMP points',
    tag: 'Providers',
    auth: 'teams-sso',
    params: providerParamsSchema,
    success: 200,
  },
);
