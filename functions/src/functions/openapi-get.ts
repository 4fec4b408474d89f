import { okJson } from '../http/responses';
import type { RouteDefinition } from '../http/route-types';

function openApiPath(route: string): string {
  return `/api/${route.replace(/\{\*?([A-Za-z0-9_]+)(?::[a-z]+)?\??\}/g, '{$1}')}`;
}

function pathParameters(route: string) {
  return [...route.matchAll(/\{\*?([A-Za-z0-9_]+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

/** A minimal OpenAPI 3.1 document listing every route of the table (operations by function name). */
export function openApiDocument(routes: readonly RouteDefinition[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route.route)] ??= {});
    for (const method of route.methods) {
      item[method.toLowerCase()] = {
        operationId: route.name,
        parameters: pathParameters(route.route),
        responses: { default: { description: 'JSON, or application/problem+json on error' } },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Support plan API', version: '0.1.0' },
    components: {
      securitySchemes: { teamsSso: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ teamsSso: [] }],
    paths,
  };
}

/** `GET /api/openapi.json` over the given route table (a function, so the table can include it). */
export function openApiGet(routes: () => readonly RouteDefinition[]): RouteDefinition {
  return {
    name: 'openapi-get',
    methods: ['GET'],
    route: 'openapi.json',
    handler: () => Promise.resolve(okJson(openApiDocument(routes()))),
  };
}
