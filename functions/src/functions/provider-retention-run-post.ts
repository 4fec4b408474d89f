import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { problem } from '../http/problem';
import { recordService } from '../http/record-runtime';
import { parseParams } from '../http/request-params';
import { fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const service = recordService();
  if (!service.ok) return service.response;
  const run = service.record.retention;
  if (run === undefined)
    return problem(503, 'SERVICE_UNAVAILABLE', 'The retention run is not configured on this host.');
  return fromResult(await run.run(who, path.value.providerId));
}

/** `POST /api/providers/{providerId}/retention-runs`: erase closed cases past retention to tombstones (Director). */
export const providerRetentionRunPost = documented(
  {
    name: 'provider-retention-run-post',
    methods: ['POST'],
    route: 'providers/{providerId}/retention-runs',
    handler: authenticated(handle),
  },
  {
    summary:
      'Run the retention erasure: closed cases older than the provider’s retentionYears (default 6) become tombstones; refused per case while an appeal is lodged (ME-69)',
    tag: 'Record',
    auth: 'teams-sso',
    params: providerParamsSchema,
    success: 200,
  },
);
