import { okJson, json } from '../http/responses';
import type { RouteDefinition } from '../http/route-types';
import { runtime } from '../http/runtime';

const probeTimeoutMs = 3_000;

async function storageReachable(): Promise<boolean> {
  const { tables, log } = runtime();
  try {
    const pages = tables
      .listTables({ abortSignal: AbortSignal.timeout(probeTimeoutMs) })
      .byPage({ maxPageSize: 1 });
    await pages.next();
    return true;
  } catch (error) {
    log.warn('Health probe: storage unreachable', { error });
    return false;
  }
}

/** `GET /api/health`: 200 when Table Storage answers a one-row query, else 503. */
export const healthGet: RouteDefinition = {
  name: 'health-get',
  methods: ['GET'],
  route: 'health',
  handler: async () =>
    (await storageReachable())
      ? okJson({ status: 'ok', storage: 'reachable' })
      : json(503, { status: 'unavailable', storage: 'unreachable' }, { 'retry-after': '10' }),
};
