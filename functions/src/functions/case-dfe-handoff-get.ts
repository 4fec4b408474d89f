import { z } from 'zod';
import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { caseParamsSchema } from '../http/case-params';
import { fileResponse } from '../http/file-response';
import { recordService } from '../http/record-runtime';
import { parseParams, parseQuery } from '../http/request-params';
import { fromResult, okJson } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';

/** `format=csv` downloads the row; the default is JSON `{ columns, row }`. */
export const dfeHandoffQuery = z.strictObject({ format: z.enum(['json', 'csv']).optional() });

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, caseParamsSchema);
  if (!path.ok) return path.response;
  const query = parseQuery(request, dfeHandoffQuery);
  if (!query.ok) return query.response;
  const service = recordService();
  if (!service.ok) return service.response;
  const result = await service.record.dfeHandoff(
    who,
    path.value.caseId,
    query.value.format ?? 'json',
  );
  return fromResult(result, (value) => ('bytes' in value ? fileResponse(value) : okJson(value)));
}

/** `GET /api/cases/{caseId}/dfe-handoff?format=json|csv`: the DfE Register row (ME-70). */
export const caseDfeHandoffGet = documented(
  {
    name: 'case-dfe-handoff-get',
    methods: ['GET'],
    route: 'cases/{caseId}/dfe-handoff',
    handler: authenticated(handle),
  },
  {
    summary:
      'The DfE handoff (ME-70) as one row to enter in DfE Register (withdraw / defer), JSON or CSV; Director or Programme Lead',
    tag: 'Record',
    auth: 'teams-sso',
    params: caseParamsSchema,
    query: dfeHandoffQuery,
    success: 200,
  },
);
