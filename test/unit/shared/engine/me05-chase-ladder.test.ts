import { concernChase } from '@shared/domain/concern-contact';
import { dueItems } from '@shared/domain/due/due-items';
import { decideDue } from '@shared/domain/decide/timed-reminders';
import { dueKey } from '@shared/domain/due/due-item';
import { evolve } from '@shared/domain/evolve';
import { roleRecipients, staffRecipientId } from '@shared/domain/recipients';
import { resolveSettings } from '@shared/domain/settings';
import { builtInProcedures } from '@shared/procedures/registry';
import { ME, openMidEssex, staff } from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';
import { person } from '../../../support/engine-harness';

const me = builtInProcedures().get('mid-essex-itt')!;
const lead = staffRecipientId(ME.programmeLeader);
const chases = (h: EngineHarness) =>
  dueItems(h.ctx(), h.mustState()).filter((i) => i.kind === 'concern-unacknowledged');

/** A Mid Essex case (Monday 6 January 2025) where the mentor raises a concern at 15:00. */
function mentorConcern(options: Parameters<typeof openMidEssex>[0] = {}) {
  const h = openMidEssex(options);
  h.now = new Date('2025-01-06T15:00:00Z');
  h.ok(ME.mentor, { type: 'raiseConcern', category: 'absence', description: 'Absent again' });
  return { h, concernId: h.mustState().concerns[0]!.concernId };
}

describe('ME-05: a provider-wide role with nobody on the case reaches the provider staff in it', () => {
  it('ME-05: the programme lead is not on the case: the staff directory programme lead is reached, as staff:{oid}', () => {
    const h = openMidEssex();
    expect(roleRecipients(h.mustState(), h.staff, ['programmeLead'])).toEqual([lead]);
    // The id the delivery side resolves from the directory (functions' personOf).
    expect(lead).toBe(`staff:${ME.programmeLeader.oid}`);
  });

  it('ME-05: a role held on the case reaches only its holder, never the directory', () => {
    const h = openMidEssex({ extra: [['programmeLead', ME.programmeLeader]] });
    const state = h.mustState();
    const other = person(20, 'Other Leader');
    const staffList = [...h.staff, staff(other, 'programmeLead')];
    expect(roleRecipients(state, staffList, ['programmeLead'])).toEqual([
      h.participantId(ME.programmeLeader),
    ]);
    // The director is named on the case: only that entry, though the directory has one too.
    expect(roleRecipients(state, staffList, ['director'])).toEqual([h.participantId(ME.director)]);
  });

  it('ME-05: only provider-wide roles fall back: a tutor in the directory but not on the case is not told', () => {
    const h = openMidEssex({ without: ['leadSubjectTutor'] });
    const staffList = [...h.staff, staff(ME.leadSubjectTutor, 'leadSubjectTutor')];
    expect(roleRecipients(h.mustState(), staffList, ['leadSubjectTutor', 'mentor'])).toEqual([
      h.participantId(ME.mentor),
    ]);
  });

  it('ME-05, ME-43: every directory programme lead is reached, each person once; one on the case in another role by that entry', () => {
    const h = openMidEssex();
    const second = person(21, 'Second Leader');
    // The director on the case is also a programme lead in the directory.
    const staffList = [
      ...h.staff,
      staff(second, 'programmeLead'),
      staff(ME.director, 'programmeLead'),
      staff(second, 'director'),
    ];
    expect(roleRecipients(h.mustState(), staffList, ['programmeLead', 'director'])).toEqual([
      h.participantId(ME.director),
      lead,
      staffRecipientId(second),
    ]);
  });

  it('ME-05: a removed programme lead no longer holds the role: the directory one is reached', () => {
    const h = openMidEssex({ extra: [['programmeLead', ME.programmeLeader]] });
    h.ok(ME.courseTutor, {
      type: 'removeParticipant',
      participantId: h.participantId(ME.programmeLeader),
    });
    expect(roleRecipients(h.mustState(), h.staff, ['programmeLead'])).toEqual([lead]);
  });
});

describe('ME-05: the chase of an unacknowledged concern is a ladder in the provider settings', () => {
  it('ME-05: the settings state their defaults: the course tutor after 1 working day, the programme lead after 2', () => {
    const settings = Object.fromEntries(me.settings.map((s) => [s.key, s]));
    expect(settings.concernChaseDays).toMatchObject({
      type: 'number',
      default: 1,
      rules: ['ME-05'],
    });
    expect(settings.concernEscalateDays).toMatchObject({
      type: 'number',
      default: 2,
      rules: ['ME-05'],
    });
    const resolved = resolveSettings(me, {});
    expect(resolved.ok && concernChase(me, resolved.value)).toEqual([
      { step: 1, afterDays: 1, notify: ['courseTutor'], rules: ['ME-05'] },
      { step: 2, afterDays: 2, notify: ['programmeLead'], rules: ['ME-05'] },
    ]);
    expect(resolveSettings(me, { concernEscalateDays: 0 }).ok).toBe(false);
  });

  it('ME-05: the provider sets the steps: 2 and 4 working days (over a weekend)', () => {
    const { h } = mentorConcern({ settings: { concernChaseDays: 2, concernEscalateDays: 4 } });
    expect(chases(h).map((i) => [i.dueOn, i.notify])).toEqual([
      ['2025-01-08', ['courseTutor']],
      ['2025-01-10', ['programmeLead']],
    ]);
  });

  it('ME-05: a procedure without a chase ladder keeps the single chase, a working day after, to the course tutor and the programme lead', () => {
    const definition = { ...me, concern: { ...me.concern, chase: [] } };
    const { h, concernId } = mentorConcern({ definition });
    expect(chases(h)).toEqual([
      {
        kind: 'concern-unacknowledged',
        occurrence: concernId,
        dueOn: '2025-01-07',
        rules: ['ME-05', 'ME-13'],
        notify: ['courseTutor', 'programmeLead'],
      },
    ]);
  });

  it('ME-05: the sweep tells the course tutor on day 1 and the directory programme lead on day 2, each once', () => {
    const { h, concernId } = mentorConcern();
    const keys = chases(h).map(dueKey);
    expect(keys).toEqual([
      `concern-unacknowledged:${concernId}`,
      `concern-unacknowledged:${concernId}:s2`,
    ]);
    h.now = new Date('2025-01-07T09:00:00Z');
    const first = decideDue(h.ctx(), h.mustState(), keys)!;
    expect(first.effects).toEqual([
      {
        kind: 'notify',
        template: 'contact-not-acknowledged',
        recipients: [h.participantId(ME.courseTutor)],
        rules: ['ME-05', 'ME-13'],
      },
    ]);
    let state = first.events.reduce(evolve, h.mustState());
    expect(decideDue(h.ctx(), state, keys)).toBeNull(); // once
    h.now = new Date('2025-01-08T09:00:00Z');
    const second = decideDue(h.ctx(), state, keys)!;
    expect(second.effects).toEqual([
      {
        kind: 'notify',
        template: 'contact-not-acknowledged',
        recipients: [lead],
        rules: ['ME-05', 'ME-13'],
      },
    ]);
    expect(second.events).toMatchObject([{ type: 'TimedReminderIssued', recipients: [lead] }]);
    state = second.events.reduce(evolve, state);
    expect(decideDue(h.ctx(), state, keys)).toBeNull();
    expect(dueItems(h.ctx(), state).filter((i) => i.kind === 'concern-unacknowledged')).toEqual([]);
  });

  it('ME-05: acknowledging after the first step removes every step still to come', () => {
    const { h, concernId } = mentorConcern();
    const keys = chases(h).map(dueKey);
    h.now = new Date('2025-01-07T09:00:00Z');
    const first = decideDue(h.ctx(), h.mustState(), keys)!;
    for (const e of first.events) h.state = evolve(h.mustState(), e);
    expect(chases(h).map((i) => i.occurrence)).toEqual([`${concernId}:s2`]);
    h.now = new Date('2025-01-07T11:00:00Z');
    h.ok(ME.courseTutor, { type: 'acknowledgeConcern', concernId });
    expect(chases(h)).toEqual([]);
    h.now = new Date('2025-01-09T09:00:00Z');
    expect(decideDue(h.ctx(), h.mustState(), keys)).toBeNull();
  });
});
