import type { CaseCommand } from '@shared/domain/commands';
import { demoEmail } from '../../../functions/src/local/graph/demo-graph-users';
import { demoPersonas } from '../../../functions/src/local/demo-personas';
import { reminderTransactionId } from '../../../functions/src/services/delivery/review-reminder-delivery';
import { bfStage1WithEmails, deliveryRig, type DeliveryRig } from '../../support/graph-fixture';
import { cmd, must, who } from '../../support/service-fixture';

jest.setTimeout(60_000);

const lead = who('bf-programme-lead');
const mail = (id: string) => demoEmail(demoPersonas.find((p) => p.id === id)!);

/** A weekday `days` or more after today (YYYY-MM-DD), so it counts as a working day. */
function weekdayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

let rig: DeliveryRig | undefined;
afterEach(async () => {
  await rig?.graph.stop();
  rig = undefined;
});

const organizerEvents = (r: DeliveryRig) =>
  r.graph.mailboxes.find(mail('bf-programme-lead'))!.calendar.filter((e) => e.role === 'organizer');

/** Stage 1's review (BF-08): one target, the review observation, and the review with it met or not. */
async function reviewStage1(r: DeliveryRig, caseId: string, met: boolean): Promise<void> {
  must(
    await r.services.cases.execute(
      lead,
      caseId,
      {
        type: 'addTarget',
        text: 'Plan lessons with clear objectives',
        actions: ['Share plans 2 days ahead'],
        indicators: [],
        monitoring: '',
        successCriteria: '',
      },
      cmd(),
    ),
  );
  const pm = who('bf-professional-mentor');
  const view = must(await r.services.cases.getCase(lead, caseId));
  const pmId = view.participants.find((p) => p.role === 'professionalMentor')!.participantId;
  const asPm = async (command: unknown) =>
    must(await r.services.cases.execute(pm, caseId, command as CaseCommand, cmd()));
  await asPm({
    type: 'recordObservation',
    observationDefinitionId: 'review-observation',
    date: '2025-01-01',
    observers: [pmId],
    notes: 'Weak starts',
  });
  const targets = must(await r.services.cases.getCase(lead, caseId)).stage!.plan.targets;
  await asPm({
    type: 'recordReview',
    heldOn: '2025-01-01',
    outcomes: targets.map((t) => ({ targetId: t.targetId, met, evidence: 'Observed' })),
    notes: '',
  });
}

describe('review-date reminder through the outbox relay (Azurite) to the local Graph', () => {
  it('BF-08: setting the review date puts one reminder in the calendar, moving it moves that event, ending the stage cancels it', async () => {
    const r = (rig = await deliveryRig());
    const caseId = await bfStage1WithEmails(r);
    const run = async (command: CaseCommand) =>
      must(await r.services.cases.execute(lead, caseId, command, cmd()));
    const first = weekdayFromToday(7);
    await run({ type: 'setReviewDate', reviewDate: first });
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);

    const events = organizerEvents(r);
    expect(events).toHaveLength(1);
    const event = events[0]!.event;
    const instanceId = must(await r.services.cases.getCase(lead, caseId)).stage!.instanceId;
    expect(event.subject).toBe('Support plan review: Tom');
    expect(event.isOnlineMeeting).toBe(false);
    expect(event.isReminderOn).toBe(true);
    expect(event.reminderMinutesBeforeStart).toBe(1440);
    expect(event.start).toEqual({ dateTime: `${first}T09:00:00`, timeZone: 'Europe/London' });
    expect(event.transactionId).toBe(reminderTransactionId(caseId, instanceId));
    // The Stage 1 reviewer (BF-08: the Professional Mentor) is invited and gets the copy.
    expect(event.attendees?.map((a) => a.emailAddress?.address)).toEqual([
      mail('bf-professional-mentor'),
    ]);
    expect(r.graph.mailboxes.find(mail('bf-professional-mentor'))!.calendar).toHaveLength(1);
    const history = await r.services.store.events('bright-futures-scitt', caseId);
    const sent = history.filter((e) => e.type === 'ReviewReminderSent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toMatchObject({ graphEventId: event.id, reviewDate: first });

    const moved = weekdayFromToday(8);
    await run({ type: 'setReviewDate', reviewDate: moved });
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);
    expect(organizerEvents(r)).toHaveLength(1);
    expect(organizerEvents(r)[0]!.event.id).toBe(event.id);
    expect(organizerEvents(r)[0]!.event.start?.dateTime).toBe(`${moved}T09:00:00`);
    const patches = r.graph.requests.filter((q) => q.method === 'PATCH' && q.status === 200);
    expect(patches).toHaveLength(1);

    // Stage 1 ends (BF-11: a review with a target not met, then Stage 2 starts).
    await reviewStage1(r, caseId, false);
    await run({
      type: 'startStage',
      stageId: 'stage-2',
      reason: 'Concerns ongoing',
      overview: '',
      evidence: { writtenReports: [], observationIds: [] },
    });
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);
    const cancels = r.graph.requests.filter((q) => q.path.endsWith('/cancel') && q.status === 202);
    expect(cancels).toHaveLength(1);
    expect(organizerEvents(r)[0]!.event.isCancelled).toBe(true);
    const after = await r.services.store.events('bright-futures-scitt', caseId);
    expect(after.filter((e) => e.type === 'ReviewReminderCancelled')).toHaveLength(1);

    // Nothing special-category or concern-related leaves in the calendar requests.
    const outbound = JSON.stringify(
      r.graph.requests.filter((q) => q.path.includes('/events')).map((q) => q.body),
    ).toLowerCase();
    expect(outbound).not.toContain('concern');
    expect(outbound).not.toContain('lessons lack structure');
  });

  it('BF-10: closing the case (every Stage 1 target met) cancels the review reminder: one /cancel, recorded once', async () => {
    const r = (rig = await deliveryRig());
    const caseId = await bfStage1WithEmails(r);
    const run = async (command: CaseCommand) =>
      must(await r.services.cases.execute(lead, caseId, command, cmd()));
    await run({ type: 'setReviewDate', reviewDate: weekdayFromToday(7) });
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);
    expect(organizerEvents(r)).toHaveLength(1);
    const eventId = organizerEvents(r)[0]!.event.id;

    await reviewStage1(r, caseId, true);
    await run({ type: 'closeCase', closureId: 'concerns-resolved', notes: 'Resolved at Stage 1' });
    expect(must(await r.services.cases.getCase(lead, caseId)).status).toMatchObject({
      kind: 'closed',
    });
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);
    // A second relay pass (a redelivered queue message) sends nothing more.
    await r.services.relay!.deliverCase('bright-futures-scitt', caseId);

    const cancels = r.graph.requests.filter((q) => q.path.endsWith('/cancel'));
    expect(cancels).toHaveLength(1);
    expect(cancels[0]!.status).toBe(202);
    expect(cancels[0]!.path).toBe(
      `/users/${demoPersonas.find((p) => p.id === 'bf-programme-lead')!.oid}/events/${eventId}/cancel`,
    );
    expect(organizerEvents(r)[0]!.event.isCancelled).toBe(true);
    const copy = r.graph.mailboxes.find(mail('bf-professional-mentor'))!.calendar[0]!;
    expect(copy.event.isCancelled).toBe(true);
    const history = await r.services.store.events('bright-futures-scitt', caseId);
    expect(history.filter((e) => e.type === 'ReviewReminderCancelled')).toHaveLength(1);
    expect(history.filter((e) => e.type === 'EffectFailed')).toHaveLength(0);
  });
});
