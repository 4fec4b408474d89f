import { caseCommandTypes } from '@shared/domain/commands';
import { inputSchema, openApiPath } from '../../../functions/src/http/openapi-document';
import { docOf } from '../../../functions/src/http/route-doc';
import { appRouteTable } from '../../../functions/src/http/routes';
import { bodyOf, startApi, type ApiHarness } from './api-fixture';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-case-command'?: string;
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  parameters: { name: string; in: string }[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

let api: ApiHarness;
let document: Document;
const routes = appRouteTable().routes;

beforeAll(async () => {
  api = await startApi();
  const reply = await api.call('GET', '/api/openapi.json');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('cache-control')).toBe('no-store');
  document = bodyOf<Document>(reply);
});
afterAll(() => api.stop());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe('GET /api/openapi.json: OpenAPI 3.1 from the route table and its zod schemas', () => {
  it('is public OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents every route of the table, and nothing that is not in it', () => {
    const fromTable = routes
      .flatMap((r) => r.methods.map((m) => `${m.toLowerCase()} ${openApiPath(r.route)} ${r.name}`))
      .sort();
    const fromDocument = operations()
      .map(({ path, method, op }) => `${method} ${path} ${op.operationId}`)
      .sort();
    expect(fromDocument).toEqual(fromTable);
    expect(routes.filter((r) => docOf(r) === undefined).map((r) => r.name)).toEqual([]);
  });

  it('gives each route the very schema its handler parses with (strict bodies, path parameters)', () => {
    for (const route of routes) {
      const doc = docOf(route)!;
      const op = document.paths[openApiPath(route.route)]![route.methods[0]!.toLowerCase()]!;
      const schema = op.requestBody?.content['application/json'].schema;
      expect({ route: route.name, schema }).toEqual({
        route: route.name,
        schema: doc.body === undefined ? undefined : inputSchema(doc.body),
      });
      if (schema !== undefined)
        expect({ route: route.name, strict: schema.additionalProperties }).toEqual({
          route: route.name,
          strict: false,
        });
      const inPath = [...route.route.matchAll(/\{([A-Za-z]+)\}/g)].map(([, name]) => name).sort();
      expect(
        op.parameters
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort(),
      ).toEqual(inPath);
      const security = {
        'teams-sso': undefined,
        'bot-connector': [{ botConnector: [] }],
        none: [],
      }[doc.auth];
      expect({ route: route.name, security: op.security }).toEqual({ route: route.name, security });
    }
  });

  it('exposes every case command exactly once, as a sub-resource of its case', () => {
    const commands = operations().flatMap(({ op }) =>
      op['x-case-command'] === undefined ? [] : [op['x-case-command']],
    );
    expect([...commands].sort()).toEqual([...caseCommandTypes].sort());
  });
});
