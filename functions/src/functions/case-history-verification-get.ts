import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { caseParamsSchema } from '../http/case-params';
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
  return fromResult(await service.record.verification(who, path.value.caseId));
}

/** `GET /api/cases/{caseId}/history/verification`: the hash chain recomputed server-side. */
export const caseHistoryVerificationGet = documented(
  {
    name: 'case-history-verification-get',
    methods: ['GET'],
    route: 'cases/{caseId}/history/verification',
    handler: authenticated(handle),
  },
  {
    summary:
      'Recompute the case’s hash chain on the server: `intact`, or the first broken entry (`brokenAtSeq`)',
    tag: 'Record',
    auth: 'teams-sso',
    params: caseParamsSchema,
    success: 200,
  },
);
