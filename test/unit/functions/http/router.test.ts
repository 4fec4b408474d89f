import { StartupError } from '../../../../functions/src/config/startup-error';
import { validateRouteTable } from '../../../../functions/src/http/route-table';
import type { HttpMethod, RouteDefinition } from '../../../../functions/src/http/route-types';
import { createRouter } from '../../../../functions/src/http/router';
import { okJson } from '../../../../functions/src/http/responses';

const route = (
  name: string,
  template: string,
  methods: HttpMethod[] = ['GET'],
): RouteDefinition => ({
  name,
  route: template,
  methods,
  handler: () => Promise.resolve(okJson({ name })),
});

const router = createRouter([
  route('case-get', 'cases/{caseId}'),
  route('cases-mine', 'cases/mine'),
  route('case-command', 'cases/{caseId}/commands', ['POST']),
  route('item-int', 'items/{id:int}'),
  route('item-any', 'items/{slug}'),
  route('files', 'files/{*path}'),
  route('maybe', 'maybe/{page?}'),
]);

function found(method: string, path: string) {
  const match = router(method, path);
  return match.kind === 'found' ? { name: match.route.name, params: match.params } : match.kind;
}

describe('route matching (Functions templates, prefix already removed)', () => {
  it('extracts {param} values, decoded', () => {
    expect(found('GET', '/cases/mid-essex-itt.abc%2Fdef')).toEqual({
      name: 'case-get',
      params: { caseId: 'mid-essex-itt.abc/def' },
    });
  });

  it('prefers literal segments over parameters, whatever the order of the table', () => {
    expect(found('GET', '/cases/mine')).toEqual({ name: 'cases-mine', params: {} });
  });

  it('matches literals case-insensitively and ignores a trailing slash', () => {
    expect(found('get', '/CASES/abc/')).toEqual({ name: 'case-get', params: { caseId: 'abc' } });
  });

  it('answers method-not-allowed with the allowed methods', () => {
    expect(router('GET', '/cases/abc/commands')).toEqual({
      kind: 'method-not-allowed',
      allow: ['POST'],
    });
  });

  it('applies constraints, optional and catch-all parameters', () => {
    expect(found('GET', '/items/42')).toEqual({ name: 'item-int', params: { id: '42' } });
    expect(found('GET', '/items/forty-two')).toEqual({
      name: 'item-any',
      params: { slug: 'forty-two' },
    });
    expect(found('GET', '/files/a/b/c.txt')).toEqual({
      name: 'files',
      params: { path: 'a/b/c.txt' },
    });
    expect(found('GET', '/maybe')).toEqual({ name: 'maybe', params: {} });
    expect(found('GET', '/maybe/2')).toEqual({ name: 'maybe', params: { page: '2' } });
  });

  it('finds nothing for unknown, too long, empty-segment or badly encoded paths', () => {
    expect(found('GET', '/nope')).toBe('not-found');
    expect(found('GET', '/cases/a/b/c')).toBe('not-found');
    expect(found('GET', '/cases//x')).toBe('not-found');
    expect(found('GET', '/cases/%E0%A4%A')).toBe('not-found');
  });
});

describe('route table validation', () => {
  it('accepts a good table', () => {
    expect(() =>
      validateRouteTable({
        routes: [route('a', 'a')],
        timers: [{ name: 't', schedule: '0 */5 * * * *', handler: () => Promise.resolve() }],
      }),
    ).not.toThrow();
  });

  it.each([
    ['duplicate names', [route('a', 'a'), route('a', 'b')]],
    ['bad names', [route('9bad', 'a')]],
    ['the same method and template twice', [route('a', 'cases/{x}'), route('b', 'cases/{y}')]],
    ['unsupported constraints', [route('a', 'x/{id:regex}')]],
    ['no methods', [route('a', 'a', [])]],
  ])('refuses %s with a StartupError', (_label, routes) => {
    expect(() => validateRouteTable({ routes, timers: [] })).toThrow(StartupError);
  });

  it('refuses a five-field or invalid timer schedule', () => {
    const timer = (schedule: string) => ({ name: 't', schedule, handler: () => Promise.resolve() });
    expect(() => validateRouteTable({ routes: [], timers: [timer('*/5 * * * *')] })).toThrow(
      StartupError,
    );
    expect(() => validateRouteTable({ routes: [], timers: [timer('0 99 * * * *')] })).toThrow(
      StartupError,
    );
  });
});
