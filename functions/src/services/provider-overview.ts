import { todayInUk } from '@shared/calendar';
import type { Identity } from '@shared/domain/context';
import { providerWideRoles } from '@shared/domain/roles';
import { roleLabel } from '@shared/domain/stage-lookup';
import {
  overviewRowFromColumns,
  overviewRowOf,
  overviewSelect,
  type OverviewRow,
} from '@shared/domain/overview/overview-row';
import { providerOverview, type ProviderOverview } from '@shared/domain/overview/provider-overview';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { CaseCommands } from './case-service';
import { isProviderWide } from './provider-access';
import type { ProviderDirectory } from './provider-directory';
import { readState } from './stored-state';

/** What the overview needs of the case table (a seam: tests count the full reads). */
export type OverviewStore = Pick<CaseStore, 'listSummaries' | 'load'>;

/** Point reads kept in flight at once for rows written before the overview's columns existed. */
const parallelReads = 8;

/**
 * The provider overview (issue 10): cases by stage and school, overdue reviews, missing
 * signatures and time in each stage, for the provider's programme leads and directors. Counted
 * from the snapshot rows' summary columns (one `$select` range query); only a row written
 * before those columns existed is read in full.
 */
export class ProviderOverviewService {
  constructor(
    private readonly commands: Pick<CaseCommands, 'context'>,
    private readonly store: OverviewStore,
    private readonly providers: ProviderDirectory,
    private readonly clock: () => Date,
  ) {}

  async overview(who: Identity, providerId: string): Promise<Result<ProviderOverview>> {
    const provider = await this.providers.get(providerId);
    // Outside the provider's tenants: as if it did not exist (like its procedure and settings).
    if (provider === undefined || !provider.settings.tenants.includes(who.tid))
      return fail(refuse('NOT_FOUND', 'No such provider.'));
    const ctx = this.commands.context(provider);
    if (!isProviderWide(provider.settings, who)) {
      const [lead, director] = providerWideRoles.map((r) => roleLabel(ctx.definition, r));
      return fail(
        refuse(
          'ROLE_NOT_ALLOWED',
          `Only the provider's ${lead ?? ''} or ${director ?? ''} (in its staff directory) can see the provider overview: it counts every case of the provider.`,
        ),
      );
    }
    const rows: OverviewRow[] = [];
    const older: string[] = [];
    for await (const row of this.store.listSummaries(providerId, overviewSelect)) {
      const parsed = overviewRowFromColumns(row.caseId, row.summary);
      if (parsed === null) older.push(row.caseId);
      else rows.push(parsed);
    }
    for (let i = 0; i < older.length; i += parallelReads) {
      const batch = older.slice(i, i + parallelReads);
      const loaded = await Promise.all(batch.map((id) => this.store.load(providerId, id)));
      for (const stored of loaded) {
        if (stored !== undefined)
          rows.push(overviewRowOf(ctx, readState(stored.state, stored.caseId)));
      }
    }
    return ok(providerOverview(ctx, providerId, rows, todayInUk(this.clock())));
  }
}
