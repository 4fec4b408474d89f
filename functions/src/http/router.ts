import { compileTemplate, pathSegments, type RouteTemplate } from './route-template';
import type { HttpMethod, RouteDefinition } from './route-types';

/** What the router found for a method and path. */
export type RouteMatch =
  | {
      readonly kind: 'found';
      readonly route: RouteDefinition;
      readonly params: Record<string, string>;
    }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly HttpMethod[] }
  | { readonly kind: 'not-found' };

/** Finds the route for a request path (already without the `api/` prefix). */
export type Router = (method: string, path: string) => RouteMatch;

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Builds a router with Functions-style precedence: the most specific template wins. */
export function createRouter(routes: readonly RouteDefinition[]): Router {
  const compiled: { route: RouteDefinition; template: RouteTemplate }[] = routes
    .map((route) => ({ route, template: compileTemplate(route.route) }))
    .sort((a, b) => compareRank(a.template.rank, b.template.rank));
  return (method, path) => {
    const segments = pathSegments(path);
    if (segments === undefined) return { kind: 'not-found' };
    const allow: HttpMethod[] = [];
    for (const { route, template } of compiled) {
      const params = template.match(segments);
      if (params === undefined) continue;
      if ((route.methods as readonly string[]).includes(method.toUpperCase()))
        return { kind: 'found', route, params };
      allow.push(...route.methods);
    }
    return allow.length > 0
      ? { kind: 'method-not-allowed', allow: [...new Set(allow)] }
      : { kind: 'not-found' };
  };
}
