import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { caseParamsSchema } from '../http/case-params';
import { parseParams } from '../http/request-params';
import { caseResult } from '../http/case-etag';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, caseParamsSchema);
  if (!path.ok) return path.response;
  return caseResult(await runtime().service.getCase(who, path.value.caseId), (view) => view);
}

/** `GET /api/cases/{caseId}`: the case as the caller may see it (`getCase`); 404 when not visible. */
export const caseGet = documented(
  { name: 'case-get', methods: ['GET'], route: 'cases/{caseId}', handler: authenticated(handle) },
  {
    summary: 'The case as I may see it',
    tag: 'Cases',
    auth: 'teams-sso',
    params: caseParamsSchema,
    success: 200,
  },
);
