import { dueItems } from '@shared/domain/due/due-items';
import { decideDue } from '@shared/domain/decide/timed-reminders';
import { ME, openMidEssex } from '../../../support/engine-fixtures';
import type { EngineHarness } from '../../../support/engine-harness';

const ct = ME.courseTutor;
const chases = (h: EngineHarness) =>
  dueItems(h.ctx(), h.mustState()).filter((i) => i.kind === 'concern-unacknowledged');

/** Opens a Mid Essex case (Monday 6 January 2025) and has the mentor raise a concern at 15:00. */
function mentorConcern(start = '2025-01-06T09:00:00Z', raisedAt = '2025-01-06T15:00:00Z') {
  const h = openMidEssex({ start });
  h.now = new Date(raisedAt);
  h.ok(ME.mentor, {
    type: 'raiseConcern',
    category: 'absence',
    description: 'Absent three days this week',
  });
  const concernId = h.mustState().concerns[0]!.concernId;
  return { h, concernId };
}

describe('ME-05: the course tutor acknowledges a concern raised at the school', () => {
  it('ME-05: the course tutor acknowledges in one command; the concern records when and by whom', () => {
    const { h, concernId } = mentorConcern();
    const offered = h.available(ct).filter((a) => a.type === 'acknowledgeConcern');
    expect(offered.map((a) => a.params)).toEqual([{ concernId }]);
    h.now = new Date('2025-01-06T16:30:00Z');
    h.ok(ct, { type: 'acknowledgeConcern', concernId });
    const concern = h.mustState().concerns[0]!;
    expect(concern.acknowledgedAt).toBe('2025-01-06T16:30:00.000Z');
    expect(concern.acknowledgedBy).toBe(h.participantId(ct));
    expect(h.available(ct).some((a) => a.type === 'acknowledgeConcern')).toBe(false);
  });

  it('ME-05: the programme lead (provider-wide) may acknowledge; the mentor and the trainee may not', () => {
    const { h, concernId } = mentorConcern();
    const ack = { type: 'acknowledgeConcern', concernId };
    expect(h.run(ME.mentor, ack)).toMatchObject({ code: 'ROLE_NOT_ALLOWED', rules: ['ME-05'] });
    expect(h.run(ME.trainee, ack)?.code).toBe('ROLE_NOT_ALLOWED');
    expect(h.available(ME.mentor).some((a) => a.type === 'acknowledgeConcern')).toBe(false);
    h.ok(ME.programmeLeader, ack);
    expect(h.mustState().concerns[0]!.acknowledgedAt).toBeDefined();
  });

  it('ME-05: acknowledging twice is refused with a code naming ME-05; an unknown concern is refused', () => {
    const { h, concernId } = mentorConcern();
    h.ok(ct, { type: 'acknowledgeConcern', concernId });
    const twice = h.run(ct, { type: 'acknowledgeConcern', concernId });
    expect(twice).toMatchObject({ code: 'CONCERN_ALREADY_ACKNOWLEDGED', rules: ['ME-05'] });
    expect(twice?.message).toContain('ME-05');
    expect(h.run(ct, { type: 'acknowledgeConcern', concernId: 'no-such-concern' })?.code).toBe(
      'UNKNOWN_CONCERN',
    );
    expect(h.mustState().concerns).toHaveLength(1);
  });
});

describe('ME-05: an unacknowledged concern is chased after one working day (due-date index)', () => {
  it('ME-05: a concern raised by the mentor is chased on a ladder: the course tutor a working day after, the programme lead two', () => {
    const { h, concernId } = mentorConcern();
    expect(chases(h)).toEqual([
      {
        kind: 'concern-unacknowledged',
        occurrence: concernId,
        dueOn: '2025-01-07',
        rules: ['ME-05', 'ME-13'],
        notify: ['courseTutor'],
      },
      {
        kind: 'concern-unacknowledged',
        occurrence: `${concernId}:s2`,
        dueOn: '2025-01-08',
        rules: ['ME-05', 'ME-13'],
        notify: ['programmeLead'],
      },
    ]);
  });

  it('ME-05: raised on a Friday, the chase falls on the Monday and Tuesday (working days, provider calendar)', () => {
    const { h } = mentorConcern('2025-01-06T09:00:00Z', '2025-01-10T15:00:00Z');
    expect(chases(h).map((i) => i.dueOn)).toEqual(['2025-01-13', '2025-01-14']);
  });

  it('ME-05: once acknowledged, nothing is due, and the sweep decides nothing for it', () => {
    const { h, concernId } = mentorConcern();
    const key = `concern-unacknowledged:${concernId}`;
    h.now = new Date('2025-01-07T09:00:00Z');
    expect(decideDue(h.ctx(), h.mustState(), [key])?.effects).toEqual([
      {
        kind: 'notify',
        template: 'contact-not-acknowledged',
        recipients: [h.participantId(ct)],
        rules: ['ME-05', 'ME-13'],
      },
    ]);
    h.ok(ct, { type: 'acknowledgeConcern', concernId });
    expect(chases(h)).toEqual([]);
    expect(decideDue(h.ctx(), h.mustState(), [key])).toBeNull();
  });

  it('ME-05: a concern raised by the course tutor herself needs no contact, so it is never chased', () => {
    const h = openMidEssex();
    h.ok(ct, { type: 'raiseConcern', category: 'teaching', description: 'Raised on a visit' });
    expect(chases(h)).toEqual([]);
    expect(h.available(ct).some((a) => a.type === 'acknowledgeConcern')).toBe(false);
  });
});
