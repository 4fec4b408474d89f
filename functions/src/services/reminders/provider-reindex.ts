/**
 * Re-derives a provider's due rows after its settings changed (ADR 0011). Lead times, day units
 * and the calendar are settings, so a change moves due days without any case being written. The
 * sweep compares each provider's settings version with the one its index was built with and,
 * only when they differ (a rare admin write, or the first run after the index was introduced),
 * lists the provider's open cases once and re-writes their rows. Rows the old settings left on
 * other days are removed by the sweep when it reaches them (it re-derives before issuing).
 */
import type { CaseStore } from '../../infrastructure/tables/case-store-port';
import type { DueIndexStore } from '../../infrastructure/tables/due-index-store';
import type { CaseCommands } from '../case-service';
import type { ProviderContext } from '../provider-directory';
import { readState } from '../stored-state';
import { dueRows } from './due-index-sync';
import { mapLimit } from './map-limit';

export interface ReindexDeps {
  readonly commands: Pick<CaseCommands, 'context'>;
  readonly store: Pick<CaseStore, 'load' | 'listSummaries'>;
  readonly index: Pick<DueIndexStore, 'indexedWith' | 'markIndexed' | 'put'>;
  readonly clock: () => Date;
}

/**
 * Re-indexes the provider if its settings changed since. A case that cannot be read is skipped
 * (its rows stay as its last commit wrote them) and answered, so the sweep reports it.
 */
export async function reindexIfChanged(
  deps: ReindexDeps,
  provider: ProviderContext,
): Promise<{ readonly caseId: string; readonly error: unknown }[]> {
  const providerId = provider.settings.providerId;
  if ((await deps.index.indexedWith(providerId)) === provider.etag) return [];
  const open: string[] = [];
  for await (const row of deps.store.listSummaries(providerId, ['status']))
    if (row.summary.status === 'open') open.push(row.caseId);
  const ctx = deps.commands.context(provider);
  const failed: { caseId: string; error: unknown }[] = [];
  await mapLimit(open, 8, async (caseId) => {
    try {
      const stored = await deps.store.load(providerId, caseId);
      if (stored !== undefined) await deps.index.put(dueRows(ctx, readState(stored.state, caseId)));
    } catch (error) {
      failed.push({ caseId, error });
    }
  });
  await deps.index.markIndexed(providerId, provider.etag, deps.clock());
  return failed;
}
