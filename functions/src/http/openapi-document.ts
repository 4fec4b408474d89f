import { z } from 'zod';
import { refusalCodes } from '@shared/errors/refusal';
import { idempotencyKeySchema } from './idempotency-key';
import { docOf, type RouteDoc } from './route-doc';
import type { RouteDefinition } from './route-types';

type JsonSchema = Record<string, unknown>;

/** The body of every error response, as documented (mirrors `ProblemBody`). */
const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum([...refusalCodes, 'INTERNAL_ERROR', 'METHOD_NOT_ALLOWED', 'SERVICE_UNAVAILABLE']),
  rules: z.array(z.string()).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  correlationId: z.string(),
});

/** JSON Schema (draft 2020-12, the OpenAPI 3.1 dialect) of what a client sends. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  return rest;
}

/** JSON Schema (draft 2020-12) of what the API answers. */
export function outputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
  });
  return rest;
}

/** The OpenAPI path of a Functions route template: `cases/{caseId:guid}` -> `/api/cases/{caseId}`. */
export function openApiPath(route: string): string {
  return `/api/${route.replace(/\{\*?([A-Za-z0-9_]+)(?::[a-z]+)?\??\}/g, '{$1}')}`;
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (schema === undefined) return [];
  const json = inputSchema(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function headersOf(doc: RouteDoc) {
  const given = Object.entries(doc.headers ?? {}).map(([name, description]) => ({
    name,
    in: 'header',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  if (doc.idempotent !== true) return given;
  const description =
    'Makes the command safe to retry: the same key from the same person runs it once.';
  const key = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description,
    schema: inputSchema(idempotencyKeySchema),
  };
  return [key, ...given];
}

function operation(route: RouteDefinition, doc: RouteDoc) {
  const success = {
    description: doc.success === 201 ? 'Created' : 'OK',
    content: {
      'application/json': { schema: doc.response === undefined ? {} : outputSchema(doc.response) },
    },
  };
  return {
    operationId: route.name,
    summary: doc.summary,
    tags: [doc.tag],
    ...(doc.command === undefined ? {} : { 'x-case-command': doc.command }),
    ...(doc.auth === 'teams-sso'
      ? {}
      : { security: doc.auth === 'none' ? [] : [{ botConnector: [] }] }),
    parameters: [
      ...parametersOf(doc.params, 'path'),
      ...parametersOf(doc.query, 'query'),
      ...headersOf(doc),
    ],
    ...(doc.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(doc.body) } },
          },
        }),
    responses: {
      [String(doc.success)]: success,
      '4XX': { $ref: '#/components/responses/Problem' },
      '5XX': { $ref: '#/components/responses/Problem' },
    },
  };
}

/** OpenAPI 3.1 for the route table, from the zod schemas the handlers parse with (cannot drift). */
export function openApiDocument(routes: readonly RouteDefinition[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const doc = docOf(route) ?? {
      summary: route.name,
      tag: 'Other',
      auth: 'teams-sso',
      success: 200,
    };
    const item = (paths[openApiPath(route.route)] ??= {});
    for (const method of route.methods) item[method.toLowerCase()] = operation(route, doc);
  }
  const problem = {
    description: 'A problem (RFC 9457)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Support plan API', version: '0.1.0' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: {
        teamsSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Entra access token from Teams SSO (scope access_as_user)',
        },
        botConnector: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Bot Framework connector token',
        },
      },
      schemas: { Problem: inputSchema(problemSchema) },
      responses: { Problem: problem },
    },
    security: [{ teamsSso: [] }],
    paths,
  };
}
