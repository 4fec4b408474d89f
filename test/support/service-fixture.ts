import { randomInt, randomUUID } from 'node:crypto';
import type { Identity } from '@shared/domain/context';
import type { Role } from '@shared/domain/roles';
import { countingPolicy } from '../../functions/src/infrastructure/tables/request-counter';
import { demoPersonas } from '../../functions/src/local/demo-personas';
import { demoProviders } from '../../functions/src/local/demo-providers';
import {
  createAppServices,
  type AppServices,
} from '../../functions/src/services/create-case-service';

/** A signed-in demo persona by id (e.g. 'me-course-tutor'). */
export function who(id: string): Identity {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return { tid: p.tid, oid: p.oid, name: p.name };
}

/** A participant input for a persona. */
export function as(id: string, role?: Role) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return {
    role: role ?? p.role,
    name: p.name,
    tid: p.tid,
    oid: p.oid,
    email: null as string | null,
  };
}

/** A fresh command id. */
export const cmd = (): string => randomUUID();

/** The application service on fresh tables in the run's Azurite, with both demo providers configured. */
export async function freshServices(
  clock?: () => Date,
): Promise<AppServices & { counter: ReturnType<typeof countingPolicy> }> {
  const connectionString = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (connectionString === undefined)
    throw new Error('AZURE_TABLES_CONNECTION_STRING is not set (global setup)');
  const suffix = `${Date.now()}${randomInt(1_000_000)}`;
  const counter = countingPolicy();
  const services = createAppServices(
    { connectionString },
    {
      tables: { cases: `cases${suffix}`, providers: `providers${suffix}` },
      tableOptions: {
        retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 },
        additionalPolicies: [counter.policy],
      },
      ...(clock === undefined ? {} : { clock }),
      providerCacheMs: 60_000,
    },
  );
  for (const provider of demoProviders) {
    const saved = await services.providers.put(provider, null, null);
    if (!saved.ok) throw new Error(saved.refusal.message);
  }
  return { ...services, counter };
}

/** Unwraps a service result in a test. */
export function must<T>(
  result: { ok: true; value: T } | { ok: false; refusal: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.refusal.code}: ${result.refusal.message}`);
  return result.value;
}
