import { botRoutes } from '../bot/bot-routes';
import type { RouteDefinition, TimerDefinition } from '../http/route-types';
import { healthGet } from './health-get';
import { openApiGet } from './openapi-get';

/** Every HTTP route of the app. Add one line per feature module (`<resource>-<verb>.ts`). */
export const allRoutes: RouteDefinition[] = [healthGet, openApiGet(() => allRoutes), ...botRoutes];

/** Every timer of the app (NCRONTAB, six fields, UTC). */
export const allTimers: TimerDefinition[] = [];
