import type { Identity } from '@shared/domain/context';
import type { CaseEvent } from '@shared/domain/events';
import { windowChange, type WindowChange } from '@shared/domain/window-change';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { CaseCommands } from './case-service';
import type { ProviderContext } from './provider-directory';
import { readState } from './stored-state';

/** One open case whose review window a settings change moved, as the settings write reports it. */
export interface CaseWindowChange extends WindowChange {
  readonly caseId: string;
  readonly traineeName: string;
  /** Whether the change was recorded in the case's history (false: the case was busy; see the log). */
  readonly recorded: boolean;
}

/**
 * What a provider settings change does to live deadlines (item 11): every open case whose current
 * review window moves is reported (before and after), and the change is recorded in that case's
 * history as `ReviewWindowChanged`, by the person who changed the settings.
 */
export class SettingsImpact {
  constructor(
    private readonly store: CaseStore,
    private readonly commands: CaseCommands,
  ) {}

  async apply(
    before: ProviderContext,
    after: ProviderContext,
    who: Identity,
  ): Promise<CaseWindowChange[]> {
    const old = this.commands.context(before);
    const now = this.commands.context(after);
    const changes: CaseWindowChange[] = [];
    for await (const stored of this.store.listSnapshots(after.settings.providerId)) {
      const state = readState(stored.state, stored.caseId);
      const change = windowChange(old, now, state);
      if (change === null) continue;
      const event: CaseEvent = { type: 'ReviewWindowChanged', change, at: now.now.toISOString() };
      const commandId = `settings-${after.etag.replace(/[^A-Za-z0-9]/g, '').slice(-40)}`;
      const { outcome } = await this.commands.persist(
        now,
        who,
        stored,
        state,
        [event],
        [],
        commandId,
        'providerSettingsChanged',
      );
      changes.push({
        ...change,
        caseId: stored.caseId,
        traineeName: state.trainee.name,
        recorded: outcome.kind !== 'conflict',
      });
    }
    return changes;
  }
}
