import { z } from 'zod';
import type { Identity } from '@shared/domain/context';
import { caseIdSchema } from '@shared/schemas/text';
import { authenticated } from '../http/authenticated';
import { recordService } from '../http/record-runtime';
import { parseParams, parseQuery } from '../http/request-params';
import { fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { fileResponse } from '../http/file-response';

const positive = z
  .string()
  .regex(/^[1-9][0-9]{0,3}$/, 'must be a whole number from 1')
  .transform(Number);

/** Path: the case and the stage run's position (1 = the first stage started; see `stages[].position`). */
export const stagePdfParams = z.strictObject({ caseId: caseIdSchema, n: positive });
/** Query: the plan version to print (the latest when omitted). */
export const stagePdfQuery = z.strictObject({ version: positive.optional() });

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, stagePdfParams);
  if (!path.ok) return path.response;
  const query = parseQuery(request, stagePdfQuery);
  if (!query.ok) return query.response;
  const service = recordService();
  if (!service.ok) return service.response;
  const result = await service.record.stagePdf(
    who,
    path.value.caseId,
    path.value.n,
    query.value.version,
  );
  return fromResult(result, fileResponse);
}

/** `GET /api/cases/{caseId}/stages/{n}/pdf?version=`: the stage's paperwork as a PDF. */
export const caseStagePdfGet = documented(
  {
    name: 'case-stage-pdf-get',
    methods: ['GET'],
    route: 'cases/{caseId}/stages/{n}/pdf',
    handler: authenticated(handle),
  },
  {
    summary:
      'The paperwork of stage run n (Mid Essex ISP / Cause for Concern forms, Bright Futures plan and records) as a PDF, CONFIDENTIAL on every page, at a plan version',
    tag: 'Record',
    auth: 'teams-sso',
    params: stagePdfParams,
    query: stagePdfQuery,
    success: 200,
  },
);
