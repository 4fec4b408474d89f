import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { caseParamsSchema } from '../http/case-params';
import { parseParams } from '../http/request-params';
import { fromResult, okJson } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, caseParamsSchema);
  if (!path.ok) return path.response;
  const result = await runtime().service.available(who, path.value.caseId);
  return fromResult(result, (commands) => okJson({ commands }));
}

/** `GET /api/cases/{caseId}/available-commands`: what the caller may do now (`available`). */
export const caseAvailableCommandsGet = documented(
  {
    name: 'case-available-commands-get',
    methods: ['GET'],
    route: 'cases/{caseId}/available-commands',
    handler: authenticated(handle),
  },
  {
    summary: 'The commands I may issue on the case now, with the rules that allow them',
    tag: 'Cases',
    auth: 'teams-sso',
    params: caseParamsSchema,
    success: 200,
  },
);
