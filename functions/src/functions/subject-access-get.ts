import { z } from 'zod';
import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { fileResponse } from '../http/file-response';
import { problem } from '../http/problem';
import { recordService } from '../http/record-runtime';
import { parseQuery } from '../http/request-params';
import { fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';

/** The trainee by Entra tenant and object id. */
export const subjectAccessQuery = z.strictObject({ tid: z.guid(), oid: z.guid() });

async function handle(request: ApiRequest, who: Identity) {
  const query = parseQuery(request, subjectAccessQuery);
  if (!query.ok) return query.response;
  const service = recordService();
  if (!service.ok) return service.response;
  const sar = service.record.subjectAccess;
  if (sar === undefined)
    return problem(
      503,
      'SERVICE_UNAVAILABLE',
      'Subject access exports are not configured on this host.',
    );
  return fromResult(await sar.export(who, query.value), fileResponse);
}

/** `GET /api/subject-access?tid=&oid=`: everything held about a trainee, for a Director (zip: JSON + PDFs). */
export const subjectAccessGet = documented(
  {
    name: 'subject-access-get',
    methods: ['GET'],
    route: 'subject-access',
    handler: authenticated(handle),
  },
  {
    summary:
      'Subject access export (UK GDPR Art. 15): every case about the trainee at each provider where I am a Director, as JSON plus every stage PDF, in one zip',
    tag: 'Record',
    auth: 'teams-sso',
    query: subjectAccessQuery,
    success: 200,
  },
);
