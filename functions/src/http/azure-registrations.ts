import { tabGet, type HttpRegistration } from '../functions/tab-get';
import { azureHttpHandler } from './azure-adapter';
import type { RouteTable } from './route-table';

/**
 * The API's address prefix. host.json's `routePrefix` is empty so the same app can serve the
 * tab at `/tab/`; every API route is registered under `api/` here instead (ADR 0014).
 */
export const apiRoutePrefix = 'api';

/** Every `app.http` registration of the Functions app: the API's route table, then the tab. */
export function httpRegistrations(table: RouteTable, tabDir: string): HttpRegistration[] {
  return [
    ...table.routes.map((route) => ({
      name: route.name,
      route: `${apiRoutePrefix}/${route.route}`,
      methods: [...route.methods],
      handler: azureHttpHandler(route),
    })),
    tabGet(tabDir),
  ];
}
