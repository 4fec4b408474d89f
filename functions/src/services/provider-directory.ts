import { odata, RestError, type TableEntity } from '@azure/data-tables';
import { toReadError } from '../infrastructure/tables/storage-failures';
import { createCalendar, type BankHolidaySource, type ProviderCalendar } from '@shared/calendar';
import type { SettingValues } from '@shared/domain/context';
import { resolveSettings } from '@shared/domain/settings';
import { fail, ok, refuse, type Refusal, type Result } from '@shared/errors/refusal';
import {
  providerSettingsSchema,
  type ProviderSettings,
} from '@shared/procedures/provider-settings';
import { builtInProcedures, parseProcedure } from '@shared/procedures/registry';
import type { ProcedureDefinition } from '@shared/procedures/schema';
import { toJson } from '../infrastructure/tables/canonical-json';
import { fromChunks, toChunks } from '../infrastructure/tables/chunked-json';
import type { ManagedTable } from '../infrastructure/tables/table-clients';

/** Everything the engine needs about one provider. */
export interface ProviderContext {
  readonly settings: ProviderSettings;
  readonly definition: ProcedureDefinition;
  readonly resolved: SettingValues;
  readonly calendar: ProviderCalendar;
  readonly etag: string;
}

let holidays: Promise<BankHolidaySource> | undefined;

/** England and Wales bank holidays, loaded on first use: the data package is large, and a cold start serves first. */
function bankHolidays(): Promise<BankHolidaySource> {
  holidays ??= import('@shared/calendar/england-and-wales-bank-holidays').then((m) =>
    m.englandAndWalesBankHolidays(),
  );
  return holidays;
}
const ROW = 'provider';

function build(
  settings: ProviderSettings,
  custom: ProcedureDefinition | null,
  etag: string,
  holidaySource: BankHolidaySource,
): Result<ProviderContext> {
  const definition = custom ?? builtInProcedures().get(settings.procedureId);
  if (definition === undefined)
    return fail(refuse('SETTING_INVALID', `Unknown procedure "${settings.procedureId}".`));
  const resolved = resolveSettings(definition, settings.values);
  if (!resolved.ok) return resolved;
  return ok({
    settings,
    definition,
    resolved: resolved.value,
    calendar: createCalendar(settings.calendar, holidaySource),
    etag,
  });
}

/**
 * Provider configurations (table `providers`, one row per provider), cached in memory for a short
 * time so a command costs only its own two storage round trips.
 */
export class ProviderDirectory {
  private cache: { at: number; providers: Map<string, ProviderContext> } | undefined;

  constructor(
    private readonly table: ManagedTable,
    private readonly clock: () => Date,
    private readonly ttlMs = 30_000,
  ) {}

  /** One provider, or undefined. */
  async get(providerId: string): Promise<ProviderContext | undefined> {
    return (await this.all()).get(providerId);
  }

  /** Every provider. */
  async all(): Promise<ReadonlyMap<string, ProviderContext>> {
    const now = this.clock().getTime();
    if (this.cache !== undefined && now - this.cache.at < this.ttlMs) return this.cache.providers;
    await this.table.ready();
    const providers = new Map<string, ProviderContext>();
    for await (const row of this.rows()) {
      const settings = providerSettingsSchema.parse(JSON.parse(fromChunks('settings', row)));
      const custom =
        typeof row.procedure_0 === 'string'
          ? parseProcedure(JSON.parse(fromChunks('procedure', row)))
          : null;
      const built = build(
        settings,
        custom === null ? null : custom.ok ? custom.value : null,
        row.etag,
        await bankHolidays(),
      );
      if (built.ok) providers.set(settings.providerId, built.value);
    }
    this.cache = { at: now, providers };
    return providers;
  }

  /**
   * The provider rows. A storage failure while listing is the typed storage error (503 with
   * Retry-After at the API, named in the log), never an internal error (issue 8 item 4).
   */
  private async *rows() {
    try {
      yield* this.table.client.listEntities({ queryOptions: { filter: odata`RowKey eq ${ROW}` } });
    } catch (error) {
      throw toReadError(error, 'provider directory listing');
    }
  }

  /** Creates or replaces a provider's configuration (If-Match when an ETag is given); a custom procedure is data. */
  async put(
    input: unknown,
    procedure: unknown,
    etag: string | null,
  ): Promise<Result<ProviderContext>> {
    const parsed = providerSettingsSchema.safeParse(input);
    if (!parsed.success)
      return fail(
        refuse(
          'VALIDATION_FAILED',
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        ),
      );
    const custom = procedure === null ? null : parseProcedure(procedure);
    if (custom !== null && !custom.ok) return custom;
    const definition = custom?.ok === true ? custom.value : null;
    if (definition !== null && definition.id !== parsed.data.procedureId) {
      return fail(refuse('VALIDATION_FAILED', 'procedureId must name the procedure given.'));
    }
    const check = build(parsed.data, definition, '', await bankHolidays());
    if (!check.ok) return check;
    await this.table.ready();
    const entity = {
      partitionKey: parsed.data.providerId,
      rowKey: ROW,
      ...toChunks('settings', toJson(parsed.data) ?? '{}'),
      ...(definition === null ? {} : toChunks('procedure', toJson(definition) ?? '{}')),
    };
    const written = await this.write(entity, etag);
    this.cache = undefined;
    if (written !== null) return fail(written);
    const fresh = await this.get(parsed.data.providerId);
    return fresh === undefined
      ? fail(refuse('NOT_FOUND', 'Provider not found after saving.'))
      : ok(fresh);
  }

  /** Creates (etag null: must not exist) or replaces with If-Match; never an unconditional write. */
  private async write(entity: TableEntity, etag: string | null): Promise<Refusal | null> {
    try {
      if (etag === null) await this.table.client.createEntity(entity);
      else await this.table.client.updateEntity(entity, 'Replace', { etag });
      return null;
    } catch (error) {
      const status = error instanceof RestError ? error.statusCode : undefined;
      if (status === 409)
        return refuse(
          'CONFLICT',
          'This provider already exists; read its settings and send their ETag to change them.',
        );
      if (status === 412 || status === 404) {
        const message = 'The settings were changed by someone else; read them again.';
        return refuse('PRECONDITION_FAILED', message);
      }
      return refuse('STORAGE_UNAVAILABLE', 'Storage is unavailable; try again.');
    }
  }

  /** Forgets the cache (tests, and after settings change elsewhere). */
  invalidate(): void {
    this.cache = undefined;
  }
}
