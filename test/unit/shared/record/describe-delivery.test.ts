import { describeEvent } from '@shared/record/describe-event';
import type { CaseEvent } from '@shared/domain/events';
import { openMidEssex } from '../../../support/engine-fixtures';

const everything = { specialCategory: true, staff: true };

test('delivery events read in plain English, never as raw event names', () => {
  const h = openMidEssex();
  const state = h.mustState();
  const someone = state.participants[0]!;
  const at = '2026-11-02T10:00:00.000Z';
  const say = (event: CaseEvent) =>
    describeEvent({
      definition: h.definition,
      before: state,
      after: state,
      event,
      visibility: everything,
    });
  expect(
    say({
      type: 'NotificationDelivered',
      effectId: '0000000003-000',
      template: 't',
      recipient: someone.participantId,
      channel: 'email',
      at,
    }).summary,
  ).toBe(`Notification delivered to ${someone.name} by email`);
  // ME-05, ME-43: a provider-wide programme lead reached from the staff directory.
  expect(
    say({
      type: 'NotificationDelivered',
      effectId: '0000000003-001',
      template: 't',
      recipient: 'staff:11111111-0000-4000-8000-000000000007',
      channel: 'activity-feed',
      at,
    }).summary,
  ).toBe("Notification delivered to the provider's staff (not on the case) by Teams activity feed");
  const failed = say({
    type: 'EffectFailed',
    effectId: '0000000004-001',
    kind: 'notify',
    meetingId: null,
    reason: 'Graph said 403',
    effect: { kind: 'notify' } as never,
    at,
  });
  expect(failed.summary).toBe('Delivery failed (notify): Graph said 403');
  expect(failed.changes).toEqual(['Effect 0000000004-001 can be retried']);
  expect(say({ type: 'EffectRetried', effectId: '0000000004-001', at }).summary).toBe(
    'Delivery 0000000004-001 retried',
  );
  const invited = say({
    type: 'MeetingInvitationSent',
    effectId: '0000000005-000',
    meetingId: 'm-1',
    graphEventId: 'g',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    attendees: ['a', 'b'],
    at,
  });
  expect(invited.summary).toBe('Teams invitation sent for the meeting to 2 attendee(s)');
  expect(invited.changes).toEqual(['Teams join link added']);
  for (const d of [failed, invited]) expect(d.summary).not.toMatch(/^[A-Z][a-z]+[A-Z]\w+$/);
});
