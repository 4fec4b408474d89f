import type { HttpHandler, HttpMethod } from '@azure/functions';
import { contextLogger } from '../http/azure-adapter';
import { tabResponse } from '../tab/tab-response';

/** One `app.http` registration outside the API's route table. */
export interface HttpRegistration {
  readonly name: string;
  readonly route: string;
  readonly methods: HttpMethod[];
  readonly handler: HttpHandler;
}

/**
 * `GET|HEAD /tab/{*path}`: the built tab (the deployment package's `dist/tab`) with its CSP, at
 * the addresses the Teams manifest names: `/tab/`, `/tab/privacy`, `/tab/terms` (ADR 0014).
 * The catch-all also matches `/tab`, which redirects to `/tab/`.
 */
export function tabGet(tabDir: string): HttpRegistration {
  return {
    name: 'tab-get',
    route: 'tab/{*path}',
    methods: ['GET', 'HEAD'],
    handler: async (request, context) => {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const answer = await tabResponse(tabDir, method, url.pathname, url.search);
      if (answer.status >= 500) contextLogger(context).error('The tab could not be read', {});
      const body = method === 'HEAD' || answer.body === undefined ? {} : { body: answer.body };
      return { status: answer.status, headers: { ...answer.headers }, ...body };
    },
  };
}
