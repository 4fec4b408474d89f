import { todayInUk } from '@shared/calendar';
import type { Identity } from '@shared/domain/context';
import { decideOverdue } from '@shared/domain/decide/overdue';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { CaseCommands } from './case-service';
import type { ProviderDirectory } from './provider-directory';
import { readState } from './stored-state';

/** The timer's identity in the audit trail. */
export const timerIdentity: Identity = {
  tid: '00000000-0000-0000-0000-000000000000',
  oid: '00000000-0000-0000-0000-00000000715e',
  name: 'Review timer',
};

/**
 * Finds open cases whose review is overdue and records each escalation once (idempotent: the
 * command id is the stage run and due date, and the state remembers flagged dates). Safe to run
 * twice or overlapping (the timer is at-least-once, I2).
 */
export class ReviewSweep {
  constructor(
    private readonly commands: CaseCommands,
    private readonly store: CaseStore,
    private readonly providers: ProviderDirectory,
    private readonly clock: () => Date,
  ) {}

  /** Runs one sweep; returns the case ids escalated. */
  async run(): Promise<string[]> {
    const flagged: string[] = [];
    const today = todayInUk(this.clock());
    for (const provider of (await this.providers.all()).values()) {
      const ctx = this.commands.context(provider);
      for await (const snapshot of this.store.listSnapshots(provider.settings.providerId)) {
        const due = snapshot.summary.nextReviewDate;
        if (snapshot.summary.status !== 'open' || typeof due !== 'string' || due >= today) continue;
        const state = readState(snapshot.state, snapshot.caseId);
        const decision = decideOverdue(ctx, state);
        if (decision === null) continue;
        const event = decision.events[0];
        const commandId =
          event?.type === 'ReviewOverdueFlagged'
            ? `overdue-${event.instanceId}-${event.dueDate}`
            : `overdue-${snapshot.caseId}`;
        const { outcome } = await this.commands.persist(
          ctx,
          timerIdentity,
          snapshot,
          state,
          decision.events,
          decision.effects,
          commandId,
          'reviewSweep',
        );
        if (outcome.kind === 'committed') flagged.push(snapshot.caseId);
      }
    }
    return flagged;
  }
}
