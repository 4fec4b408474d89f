import { decideOverdue } from '@shared/domain/decide/overdue';
import { evolve } from '@shared/domain/evolve';
import type { CaseState } from '@shared/domain/state';
import { idsOf, ME, meToStage1, openMidEssex } from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';

/** Issue 11 item 7: overdue is a ladder, each rung recorded once and told to its people. */
describe('the overdue ladder (ME-16, ME-22, ME-27)', () => {
  const sweepAt = (h: EngineHarness, iso: string, state: CaseState) => {
    h.now = new Date(iso);
    return decideOverdue(h.ctx(), state);
  };

  it('ME-27, ME-22, ME-43: rung 1 to the course tutor and leadership, rung 2 to leadership (the provider-wide programme lead when the case names none), rung 3 to the Director', () => {
    const h = openMidEssex();
    meToStage1(h); // Stage 1 from Monday 6 January 2025; window ends 20 January (10 working days, no terms)
    let state = h.mustState();
    const due = state.current!.plan.reviewDate ?? '2025-01-20';
    expect(sweepAt(h, '2025-01-20T09:00:00Z', state)).toBeNull(); // due today: not overdue
    const steps: [string, number, string[]][] = [
      ['2025-01-21T09:00:00Z', 1, ['courseTutor', 'programmeLead', 'director']],
      ['2025-01-23T09:00:00Z', 2, ['programmeLead', 'director']],
      ['2025-01-28T09:00:00Z', 3, ['director']],
    ];
    for (const [iso, rung, roles] of steps) {
      const decision = sweepAt(h, iso, state)!;
      expect(decision.events[0]).toMatchObject({ type: 'ReviewOverdueFlagged', dueDate: due });
      expect((decision.events[0] as { rung?: number }).rung ?? 1).toBe(rung);
      const notify = decision.effects.find((e) => e.kind === 'notify');
      // The case names no programme lead: the directory's programme lead is told instead.
      const lead = roles.includes('programmeLead') ? [`staff:${ME.programmeLeader.oid}`] : [];
      expect(notify?.kind === 'notify' ? [...notify.recipients].sort() : []).toEqual(
        [...idsOf(h, roles as never), ...lead].sort(),
      );
      state = decision.events.reduce<CaseState>((s, e) => evolve(s, e), state);
      expect(sweepAt(h, iso, state)).toBeNull(); // once per rung
    }
    expect(sweepAt(h, '2025-02-28T09:00:00Z', state)).toBeNull(); // the top rung is the last
  });
});
