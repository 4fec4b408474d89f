import { openApiDocument } from '../http/openapi-document';
import { okJson } from '../http/responses';
import { documented, type DocumentedRoute } from '../http/route-doc';
import type { RouteDefinition } from '../http/route-types';

/** `GET /api/openapi.json` over the given route table (a function, so the table can include it). */
export function openApiGet(routes: () => readonly RouteDefinition[]): DocumentedRoute {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const route: RouteDefinition = {
    name: 'openapi-get',
    methods: ['GET'],
    route: 'openapi.json',
    handler: () => Promise.resolve(okJson((document ??= openApiDocument(routes())))),
  };
  return documented(route, {
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'Meta',
    auth: 'none',
    success: 200,
  });
}
