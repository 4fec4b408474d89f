import { openCaseSchema } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { commandIdFor } from '../http/idempotency-key';
import { parseBody } from '../http/json-body';
import { parseParams } from '../http/request-params';
import { createdJson, fromResult } from '../http/responses';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { runtime } from '../http/runtime';

const name = 'provider-cases-post';

async function handle(request: ApiRequest, who: Identity) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const commandId = commandIdFor(request, who, name);
  if (!commandId.ok) return commandId.response;
  const body = parseBody(request, openCaseSchema);
  if (!body.ok) return body.response;
  const result = await runtime().service.openCase(
    who,
    path.value.providerId,
    body.value,
    commandId.value,
  );
  return fromResult(result, (opened) => createdJson(opened, `/api/cases/${opened.caseId}`));
}

/** `POST /api/providers/{providerId}/cases`: open a case for a trainee (`openCase`). */
export const providerCasesPost = documented(
  {
    name,
    methods: ['POST'],
    route: 'providers/{providerId}/cases',
    handler: authenticated(handle),
  },
  {
    summary: 'Open a case for a trainee under the provider’s procedure',
    tag: 'Cases',
    auth: 'teams-sso',
    params: providerParamsSchema,
    body: openCaseSchema,
    idempotent: true,
    success: 201,
  },
);
