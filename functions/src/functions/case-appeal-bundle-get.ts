import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { caseParamsSchema } from '../http/case-params';
import { fileResponse } from '../http/file-response';
import { recordService } from '../http/record-runtime';
import { parseParams } from '../http/request-params';
import { fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, caseParamsSchema);
  if (!path.ok) return path.response;
  const service = recordService();
  if (!service.ok) return service.response;
  return fromResult(await service.record.appealBundle(who, path.value.caseId), fileResponse);
}

/** `GET /api/cases/{caseId}/appeal-bundle`: one zip for a director (ME-65, ME-69; BF-26). */
export const caseAppealBundleGet = documented(
  {
    name: 'case-appeal-bundle-get',
    methods: ['GET'],
    route: 'cases/{caseId}/appeal-bundle',
    handler: authenticated(handle),
  },
  {
    summary:
      'The appeal bundle (zip, Director only): every stage’s paperwork PDF, the readable history, the chain verification, meetings and observations',
    tag: 'Record',
    auth: 'teams-sso',
    params: caseParamsSchema,
    success: 200,
  },
);
