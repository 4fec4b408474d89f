import type { z } from 'zod';
import type { CaseCommandType } from '@shared/domain/commands';
import type { RouteDefinition } from './route-types';

/** What the OpenAPI document says about one route: the same zod schemas the handler parses with. */
export interface RouteDoc {
  readonly summary: string;
  readonly tag: string;
  /** Who may call: a Teams SSO token, a Bot Connector token (the bot endpoint), or anyone. */
  readonly auth: 'teams-sso' | 'bot-connector' | 'none';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Whether the `Idempotency-Key` header applies (every command). */
  readonly idempotent?: boolean;
  readonly success: 200 | 201;
  /** The case command the route runs (command routes only). */
  readonly command?: CaseCommandType;
  /** Extra request headers the route reads (e.g. `If-Match`), with a description each. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The success body's schema, where one is declared (documented as the 2xx content). */
  readonly response?: z.ZodType;
}

/** A route of the table together with its documentation. */
export type DocumentedRoute = RouteDefinition & { readonly doc: RouteDoc };

/** Attaches documentation to a route definition. */
export function documented(route: RouteDefinition, doc: RouteDoc): DocumentedRoute {
  return { ...route, doc };
}

/** The documentation of a route, when it has some. */
export function docOf(route: RouteDefinition): RouteDoc | undefined {
  return 'doc' in route ? (route as DocumentedRoute).doc : undefined;
}
