import { z } from 'zod';
import { caseCommandSchema, type CaseCommandType } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import { StartupError } from '../config/startup-error';
import { authenticated } from './authenticated';
import { caseParamsSchema } from './case-params';
import { commandIdFor } from './idempotency-key';
import { fieldErrors, parseBody, type BodyParse } from './json-body';
import { problem } from './problem';
import { parseParams } from './request-params';
import { caseResult, ifMatchVersion } from './case-etag';
import { documented, type DocumentedRoute } from './route-doc';
import type { ApiRequest, ApiResponse } from './route-types';
import { runtime } from './runtime';

/** One command exposed as a sub-resource of a case. */
export interface CommandRouteSpec {
  readonly name: string;
  readonly method: 'POST' | 'PUT' | 'DELETE';
  /** `cases/{caseId}/...`; every other `{param}` fills the command field of the same name. */
  readonly route: string;
  readonly type: CaseCommandType;
  readonly summary: string;
}

type CommandSchema = z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;

function memberOf(type: CaseCommandType): CommandSchema {
  const member = caseCommandSchema.options.find((option) => option.shape.type.value === type);
  if (member === undefined) throw new StartupError(`No command "${type}" in caseCommandSchema.`);
  return member;
}

function pathFieldsOf(spec: CommandRouteSpec, member: CommandSchema): Record<string, true> {
  const names = [...spec.route.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map(
    ([, name = '']) => name,
  );
  if (names[0] !== 'caseId')
    throw new StartupError(`Route "${spec.name}" must start cases/{caseId}.`);
  const fields = names.slice(1);
  const unknown = fields.find((field) => !(field in member.shape));
  if (unknown !== undefined)
    throw new StartupError(`Route "${spec.name}": "${unknown}" is no ${spec.type} field.`);
  return Object.fromEntries(fields.map((field) => [field, true as const]));
}

function readBody(request: ApiRequest, schema: z.ZodObject, bodyless: boolean): BodyParse<object> {
  // DELETE .../{id} carries everything in the path: an empty body is fine, a non-empty one is checked.
  if (bodyless && request.body.byteLength === 0) return { ok: true, value: {} };
  return parseBody(request, schema);
}

/**
 * A route mapping `METHOD cases/{caseId}/...` onto one member of `caseCommandSchema`: the body is
 * that member minus `type` and the path fields (strict), the path fills the rest, and the case
 * service runs it under the request's idempotency key.
 */
export function commandRoute(spec: CommandRouteSpec): DocumentedRoute {
  const member = memberOf(spec.type);
  const pathFields = pathFieldsOf(spec, member);
  const params = z.strictObject({ ...member.pick(pathFields).shape, ...caseParamsSchema.shape });
  const body = member.omit({ type: true, ...pathFields });
  const bodyless = Object.keys(body.shape).length === 0;
  const handle = async (request: ApiRequest, who: Identity): Promise<ApiResponse> => {
    const path = parseParams(request, params);
    if (!path.ok) return path.response;
    const commandId = commandIdFor(request, who, spec.name);
    if (!commandId.ok) return commandId.response;
    const input = readBody(request, body, bodyless);
    if (!input.ok) return input.response;
    const { caseId, ...fields } = path.value;
    const command = caseCommandSchema.safeParse({ ...input.value, ...fields, type: spec.type });
    if (!command.success) {
      const errors = fieldErrors(command.error);
      return problem(400, 'VALIDATION_FAILED', 'The request is not valid.', { errors });
    }
    const version = ifMatchVersion(request);
    if (!version.ok) return version.response;
    const result = await runtime().service.execute(who, caseId, command.data, commandId.value, {
      ...(version.value === undefined ? {} : { ifMatchVersion: version.value }),
    });
    return caseResult(result, (r) => r.view);
  };
  const route = {
    name: spec.name,
    methods: [spec.method],
    route: spec.route,
    handler: authenticated(handle),
  };
  return documented(route, {
    summary: spec.summary,
    tag: 'Case commands',
    auth: 'teams-sso',
    params,
    ...(bodyless ? {} : { body }),
    idempotent: true,
    headers: {
      'If-Match':
        'Optional: the case ETag from GET /api/cases/{caseId} ("v12"). If the case has changed since, 412 with the current case and its ETag.',
    },
    success: 200,
    command: spec.type,
  });
}
