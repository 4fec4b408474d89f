import { z } from 'zod';
import { providerSettingsSchema } from '@shared/procedures/provider-settings';
import { procedureDefinitionSchema } from '@shared/procedures/schema';
import type { Caller } from '../auth/caller';
import { authenticated } from '../http/authenticated';
import { providerParamsSchema } from '../http/case-params';
import { parseBody } from '../http/json-body';
import { problem } from '../http/problem';
import { providerAdmin } from '../http/provider-admin-runtime';
import { parseParams } from '../http/request-params';
import { documented } from '../http/route-doc';
import type { ApiRequest } from '../http/route-types';
import { settingsWriteResponse } from '../http/settings-write-response';

/** Body: the provider's settings (id from the path) and, for a provider of its own, its procedure. */
export const providerSettingsBody = providerSettingsSchema
  .omit({ providerId: true })
  .extend({ procedure: procedureDefinitionSchema.optional() });

const ifMatchSchema = z
  .string()
  .regex(/^[\x21-\x7e]([\x20-\x7e]{0,254}[\x21-\x7e])?$/)
  .optional();

async function handle(request: ApiRequest, who: Caller) {
  const path = parseParams(request, providerParamsSchema);
  if (!path.ok) return path.response;
  const ifMatch = ifMatchSchema.safeParse(request.headers['if-match']);
  if (!ifMatch.success)
    return problem(400, 'VALIDATION_FAILED', 'The If-Match header is not a valid ETag.');
  const body = parseBody(request, providerSettingsBody);
  if (!body.ok) return body.response;
  const { procedure, ...rest } = body.value;
  const settings = { ...rest, providerId: path.value.providerId };
  const change = { settings, procedure: procedure ?? null, ifMatch: ifMatch.data ?? null };
  return settingsWriteResponse(await providerAdmin().write(who, change));
}

/** `PUT /api/providers/{providerId}/settings`: replace (If-Match) or add a provider's configuration. */
export const providerSettingsPut = documented(
  {
    name: 'provider-settings-put',
    methods: ['PUT'],
    route: 'providers/{providerId}/settings',
    handler: authenticated(handle),
  },
  {
    summary:
      'Replace the provider’s settings (calendar closures, X-settings, staff), or add a provider with its own procedure',
    tag: 'Providers',
    auth: 'teams-sso',
    params: providerParamsSchema,
    body: providerSettingsBody,
    headers: {
      'If-Match':
        'The ETag from GET .../settings; required to replace existing settings (412 if stale, 428 if absent).',
    },
    success: 200,
  },
);
