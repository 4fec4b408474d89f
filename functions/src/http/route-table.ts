import { Cron } from 'croner';
import { StartupError } from '../config/startup-error';
import { compileTemplate } from './route-template';
import type { QueueDefinition, RouteDefinition, TimerDefinition } from './route-types';

/** The HTTP routes and timers one process serves. */
export interface RouteTable {
  readonly routes: readonly RouteDefinition[];
  readonly timers: readonly TimerDefinition[];
  readonly queues?: readonly QueueDefinition[];
}

const functionName = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;

function checkNames(table: RouteTable): void {
  const seen = new Set<string>();
  for (const { name } of [...table.routes, ...table.timers, ...(table.queues ?? [])]) {
    if (!functionName.test(name))
      throw new StartupError(`Function name "${name}" is not a valid Azure Functions name.`);
    if (seen.has(name.toLowerCase()))
      throw new StartupError(`Function name "${name}" is used twice.`);
    seen.add(name.toLowerCase());
  }
}

function checkRoutes(routes: readonly RouteDefinition[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    if (route.methods.length === 0) throw new StartupError(`Route "${route.name}" has no methods.`);
    const shape = compileTemplate(route.route)
      .template.toLowerCase()
      .replace(/\{[^}]+\}/g, '{}');
    for (const method of route.methods) {
      const key = `${method} ${shape}`;
      if (seen.has(key))
        throw new StartupError(`Route "${route.name}": ${method} ${route.route} is served twice.`);
      seen.add(key);
    }
  }
}

/** Parses a six-field NCRONTAB schedule (UTC) or throws `StartupError`. */
export function parseSchedule(name: string, schedule: string): Cron {
  if (schedule.trim().split(/\s+/).length !== 6) {
    throw new StartupError(
      `Timer "${name}": schedule "${schedule}" must have six fields (seconds first).`,
    );
  }
  try {
    return new Cron(schedule, { paused: true, timezone: 'Etc/UTC' });
  } catch (error) {
    throw new StartupError(`Timer "${name}": schedule "${schedule}" is not valid NCRONTAB.`, {
      cause: error,
    });
  }
}

/** Checks a route table (unique valid names, parseable templates and schedules, no duplicates). */
export function validateRouteTable(table: RouteTable): RouteTable {
  checkNames(table);
  checkRoutes(table.routes);
  for (const timer of table.timers) parseSchedule(timer.name, timer.schedule).stop();
  return table;
}
