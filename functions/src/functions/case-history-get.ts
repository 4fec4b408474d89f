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
  const result = await runtime().service.history(who, path.value.caseId);
  return fromResult(result, (events) => okJson({ events }));
}

/** `GET /api/cases/{caseId}/history`: the case's audit trail (`history`). */
export const caseHistoryGet = documented(
  {
    name: 'case-history-get',
    methods: ['GET'],
    route: 'cases/{caseId}/history',
    handler: authenticated(handle),
  },
  {
    summary: 'The case’s audit trail: who did what, when, with the hash chain',
    tag: 'Cases',
    auth: 'teams-sso',
    params: caseParamsSchema,
    success: 200,
  },
);
