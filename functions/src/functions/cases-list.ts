import { z } from 'zod';
import type { Identity } from '@shared/domain/context';
import { civilDateSchema, safeText } from '@shared/schemas/text';
import { authenticated } from '../http/authenticated';
import { parseQuery } from '../http/request-params';
import { fromResult, okJson } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';

/** `GET /api/cases` query: only "my cases" exist, filtered by stage, status and review due date. */
export const casesListQuery = z.strictObject({
  mine: z.literal('true').optional(),
  stage: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a stage id')
    .optional(),
  status: z.enum(['open', 'closed']).optional(),
  dueBy: civilDateSchema.optional(),
  /** Search: words found in the trainee's name, school or subject, within the cases I may see. */
  q: safeText(100, 0).optional(),
});

async function handle(request: ApiRequest, who: Identity) {
  const query = parseQuery(request, casesListQuery);
  if (!query.ok) return query.response;
  const { stage, status, dueBy, q } = query.value;
  const filter = {
    ...(stage === undefined ? {} : { stageId: stage }),
    ...(status === undefined ? {} : { status }),
    ...(dueBy === undefined ? {} : { dueBy }),
    ...(q === undefined || q.trim() === '' ? {} : { q }),
  };
  return fromResult(await runtime().service.listMine(who, filter), (cases) => okJson({ cases }));
}

/** `GET /api/cases?mine=true&stage=&status=&dueBy=&q=`: the caller's cases (`listMine`), optionally searched. */
export const casesList = documented(
  { name: 'cases-list', methods: ['GET'], route: 'cases', handler: authenticated(handle) },
  {
    summary: 'List the cases I take part in (all of the provider for leads and directors)',
    tag: 'Cases',
    auth: 'teams-sso',
    query: casesListQuery,
    success: 200,
  },
);
