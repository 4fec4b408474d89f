import { allQueues, allRoutes, allTimers } from '../functions';
import { validateRouteTable, type RouteTable } from './route-table';

/**
 * The application's route table: every feature module's routes and timers, concatenated in
 * `functions/src/functions/index.ts` and validated here. Both hosts serve exactly this.
 */
export function appRouteTable(): RouteTable {
  return validateRouteTable({ routes: allRoutes, timers: allTimers, queues: allQueues });
}
