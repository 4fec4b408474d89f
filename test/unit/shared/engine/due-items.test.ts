import { dueItems } from '@shared/domain/due/due-items';
import { decideDue } from '@shared/domain/decide/timed-reminders';
import { decideOverdue } from '@shared/domain/decide/overdue';
import { evolve } from '@shared/domain/evolve';
import type { CaseState } from '@shared/domain/state';
import {
  BF,
  ME,
  idsOf,
  meCompleteStage3,
  meToStage1,
  meToStage2,
  meToStage3,
  openBrightFutures,
  openMidEssex,
  sharpTarget,
} from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';

/** The items as `kind dueOn`, for reading in assertions. */
const brief = (h: EngineHarness, state: CaseState = h.mustState()) =>
  dueItems(h.ctx(), state).map((i) => `${i.kind} ${i.dueOn}`);

/** ADR 0011: the due-date index is derived from the case alone, by this pure function. */
describe('dueItems: what a case has coming due (issue 9 §3)', () => {
  it('ME-16, ME-27: Stage 1 is reminded 3 school days before its review, on the day, then each overdue rung (ME-22)', () => {
    const h = openMidEssex();
    meToStage1(h); // Stage 1 from Monday 6 January 2025; the window ends Monday 20 January
    expect(brief(h)).toEqual([
      'concern-unacknowledged 2025-01-07', // the professional tutor's concern (ME-05): the course tutor
      'concern-unacknowledged 2025-01-08', // then the programme lead (ME-05's chase ladder)
      'overdue 2025-01-21',
      'overdue 2025-01-23',
      'overdue 2025-01-28',
      'review-soon 2025-01-15',
      'review-today 2025-01-20',
    ]);
    const soon = dueItems(h.ctx(), h.mustState()).find((i) => i.kind === 'review-soon');
    expect(soon?.notify).toEqual(['mentor', 'professionalMentor', 'courseTutor']);
    expect(soon?.rules).toEqual(expect.arrayContaining(['ME-16', 'ME-27']));
  });

  it('ME-16: the notice follows the provider setting reviewNoticeDays', () => {
    const h = openMidEssex({ settings: { reviewNoticeDays: 5 } });
    meToStage1(h);
    expect(brief(h)).toContain('review-soon 2025-01-13');
  });

  it('ME-22: a rung flagged for the due date takes it and every rung below off the index; the ladder goes on above it', () => {
    const h = openMidEssex();
    meToStage1(h);
    h.now = new Date('2025-01-23T09:00:00Z');
    const decision = decideOverdue(h.ctx(), h.mustState())!;
    const state = decision.events.reduce<CaseState>((s, e) => evolve(s, e), h.mustState());
    expect(brief(h, state).filter((b) => b.startsWith('overdue'))).toEqual(['overdue 2025-01-28']);
  });

  it('ME-20: once the current plan is reviewed, nothing about its review is due', () => {
    const h = openMidEssex();
    meToStage1(h);
    h.now = new Date('2025-01-15T09:00:00Z');
    h.ok(ME.mentor, {
      type: 'recordReview',
      heldOn: '2025-01-15',
      outcomes: h.targetIds().map((targetId) => ({ targetId, met: true, evidence: 'Met' })),
    });
    expect(brief(h).filter((b) => /review|overdue/.test(b))).toEqual([]);
  });

  it('ME-28: signatures missing 3 working days after the first signature on a version are chased, to the unsigned roles only', () => {
    const h = openMidEssex();
    meToStage1(h); // fully signed: nothing to chase
    expect(brief(h).some((b) => b.startsWith('signatures-missing'))).toBe(false);
    h.now = new Date('2025-01-08T09:00:00Z'); // Wednesday
    h.ok(ME.courseTutor, sharpTarget('A third target')); // a new version: signatures start again
    const version = h.mustState().current!.plan.version;
    h.ok(ME.trainee, {
      type: 'signPlan',
      planVersion: version,
      typedFullName: ME.trainee.name,
      role: 'trainee',
    });
    const chase = dueItems(h.ctx(), h.mustState()).find((i) => i.kind === 'signatures-missing');
    expect(chase?.dueOn).toBe('2025-01-13'); // Wed + 3 working days = Monday
    expect(chase?.notify).not.toContain('trainee');
    expect(chase?.notify).toContain('courseTutor');
    expect(chase?.rules).toEqual(expect.arrayContaining(['ME-28']));
  });

  it('ME-37, ME-48: the Cause for Concern is warned 2 working days before its 10-working-day maximum', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    const state = h.mustState();
    const warning = dueItems(h.ctx(), state).find((i) => i.kind === 'window-closing');
    const today = dueItems(h.ctx(), state).find((i) => i.kind === 'review-today');
    expect(warning?.rules).toEqual(expect.arrayContaining(['ME-37']));
    expect(warning?.notify).toEqual(['courseTutor', 'director']);
    expect(warning !== undefined && today !== undefined && warning.dueOn < today.dueOn).toBe(true);
    expect(h.ctx().calendar.countDaysBetween(warning!.dueOn, today!.dueOn, 'working')).toBe(2);
  });

  it('ME-59: the final review is warned before ten working days after the first Cause for Concern meeting pass', () => {
    const h = openMidEssex();
    meToStage1(h);
    meToStage2(h);
    meToStage3(h);
    meCompleteStage3(h);
    h.advanceDays(3);
    h.ok(ME.courseTutor, { type: 'startStage', stageId: 'stage-4', reason: 'Final review due' });
    const warning = dueItems(h.ctx(), h.mustState()).find((i) => i.kind === 'window-closing');
    expect(warning?.rules).toEqual(expect.arrayContaining(['ME-59']));
  });

  it('BF-30: Bright Futures states no maximum, so no window warning; BF-18 reviews are still reminded', () => {
    const h = openBrightFutures();
    h.ok(BF.lead, { type: 'raiseConcern', category: 'teaching', description: 'x' });
    h.ok(BF.lead, { type: 'startStage', stageId: 'stage-1', reason: 'r' });
    h.ok(BF.lead, { type: 'setReviewDate', reviewDate: '2025-01-20' });
    const kinds = dueItems(h.ctx(), h.mustState()).map((i) => i.kind);
    expect(kinds).not.toContain('window-closing');
    expect(kinds).toContain('review-today');
  });

  it('ME-16: an issued reminder leaves the index; a closed case has nothing due', () => {
    const h = openMidEssex();
    meToStage1(h);
    h.now = new Date('2025-01-15T09:00:00Z');
    const soon = dueItems(h.ctx(), h.mustState()).find((i) => i.kind === 'review-soon')!;
    const decision = decideDue(h.ctx(), h.mustState(), [`review-soon:${soon.occurrence}`])!;
    expect(decision.events).toEqual([
      expect.objectContaining({
        type: 'TimedReminderIssued',
        kind: 'review-soon',
        dueOn: '2025-01-15',
      }),
    ]);
    const notify = decision.effects.find((e) => e.kind === 'notify');
    expect(notify?.kind === 'notify' && notify.template).toBe('review-due');
    expect(notify?.kind === 'notify' ? [...notify.recipients].sort() : []).toEqual(
      idsOf(h, ['mentor', 'professionalMentor', 'courseTutor']).sort(),
    );
    const after = decision.events.reduce<CaseState>((s, e) => evolve(s, e), h.mustState());
    expect(brief(h, after)).not.toContain('review-soon 2025-01-15');
    expect(decideDue(h.ctx(), after, [`review-soon:${soon.occurrence}`])).toBeNull(); // once
    const closed: CaseState = {
      ...after,
      status: {
        kind: 'closed',
        outcomeId: 'x',
        outcomeLabel: 'x',
        closedAt: '2025-01-16T00:00:00Z',
        notes: '',
      },
    };
    expect(dueItems(h.ctx(), closed)).toEqual([]);
  });

  it('ME-16: a key claimed before its day decides nothing (the sweep moves it)', () => {
    const h = openMidEssex();
    meToStage1(h);
    h.now = new Date('2025-01-14T09:00:00Z');
    const soon = dueItems(h.ctx(), h.mustState()).find((i) => i.kind === 'review-soon')!;
    expect(decideDue(h.ctx(), h.mustState(), [`review-soon:${soon.occurrence}`])).toBeNull();
  });
});
