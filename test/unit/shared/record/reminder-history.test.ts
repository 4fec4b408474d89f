import { describeEvent } from '@shared/record/describe-event';
import { openMidEssex } from '../../../support/engine-fixtures';

/** A timed reminder the sweep recorded, with the people it went to. */
const issued = (recipients: readonly string[]) =>
  ({
    type: 'TimedReminderIssued',
    kind: 'concern-unacknowledged',
    occurrence: 'c1:s2',
    dueOn: '2026-01-07',
    recipients,
    at: '2026-01-07T09:00:00.000Z',
  }) as const;

describe('the history says whether a timed reminder reached anyone (ME-05)', () => {
  const h = openMidEssex();
  const state = h.mustState();
  const input = (recipients: readonly string[]) => ({
    definition: h.definition,
    before: state,
    after: state,
    event: issued(recipients),
    visibility: { specialCategory: false, staff: true },
  });

  it('ME-05: a reminder with recipients reads "Reminder sent"', () => {
    expect(describeEvent(input(['p1'])).summary).toMatch(/^Reminder sent: /);
  });

  it('ME-05: a reminder with nobody to send it to never claims it was sent', () => {
    const summary = describeEvent(input([])).summary;
    expect(summary).toMatch(/^Reminder not sent: /);
    expect(summary).toContain('nobody holds the role');
  });
});
