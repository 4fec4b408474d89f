import { evidenceInputId, inputIds, metInputId, verbs } from '@shared/cards';
import { must, who } from '../../support/service-fixture';
import { cardAction, type From } from './activities';
import { seedStageOneCase, startBotHarness, type BotHarness } from './bot-harness';

let h: BotHarness;
let caseId: string;
let providerId: string;

beforeAll(async () => {
  h = await startBotHarness();
  caseId = await seedStageOneCase(h.services);
  providerId = caseId.split('.')[0]!;
}, 60_000);
afterAll(async () => h.stop());

const mentor: From = { persona: 'me-mentor' };
type Reply = { value: unknown };
const text = (value: unknown) => JSON.stringify(value);
const click = async (data: Record<string, unknown>, from: From = mentor) =>
  ((await h.post(cardAction(data, from, h.connector.serviceUrl))).body as Reply).value;
const eventsOf = async (type: string) =>
  (await h.services.store.events(providerId, caseId)).filter((e) => e.type === type);

function input(card: unknown, id: string): Record<string, unknown> | undefined {
  const walk = (node: unknown): Record<string, unknown>[] => {
    if (Array.isArray(node)) return node.flatMap(walk);
    if (typeof node !== 'object' || node === null) return [];
    const record = node as Record<string, unknown>;
    return [...(record.id === id ? [record] : []), ...Object.values(record).flatMap(walk)];
  };
  return walk(card)[0];
}

describe('schedule-a-meeting card', () => {
  it('prefills the required attendees and schedules in UK time through the service', async () => {
    const form = await click({
      verb: verbs.openScheduleMeeting,
      caseId,
      meetingDefinitionId: 'stage-1-meeting',
    });
    const attendees = String(input(form, inputIds.attendees)?.value);
    const people = must(await h.services.cases.getCase(who('me-mentor'), caseId)).participants;
    const expected = people
      .filter((p) => ['mentor', 'professionalMentor', 'trainee'].includes(p.role))
      .map((p) => p.participantId);
    expect(attendees.split(',').sort()).toEqual(expected.sort());

    const bad = await click({
      verb: verbs.scheduleMeeting,
      caseId,
      meetingDefinitionId: 'stage-1-meeting',
      date: '2027-01-12',
      time: '16:00',
      durationMinutes: '5',
      attendees,
    });
    expect(text(bad)).toContain('10 to 480 minutes');
    expect(await eventsOf('MeetingScheduled')).toHaveLength(0);

    const done = await click({
      verb: verbs.scheduleMeeting,
      caseId,
      meetingDefinitionId: 'stage-1-meeting',
      date: '2027-06-15',
      time: '16:00',
      durationMinutes: '45',
      attendees,
      online: 'true',
    });
    expect(text(done)).toContain('The meeting is scheduled');
    const scheduled = (await eventsOf('MeetingScheduled'))[0]?.data as {
      meeting: { start: string; durationMinutes: number; online: boolean };
    };
    expect(scheduled.meeting).toMatchObject({
      start: '2027-06-15T15:00:00.000Z',
      durationMinutes: 45,
      online: true,
    });
  });

  it('is not offered to someone who may not schedule it', async () => {
    const form = await click(
      { verb: verbs.openScheduleMeeting, caseId, meetingDefinitionId: 'stage-1-meeting' },
      { persona: 'me-trainee-1' },
    );
    expect(text(form)).toContain('MEETING_NOT_REQUIRED');
  });
});

describe('record-a-review card', () => {
  it('asks for every target and records met / not met with evidence through the service', async () => {
    const view = must(await h.services.cases.getCase(who('me-mentor'), caseId));
    expect(view.available.some((a) => a.type === 'recordReview')).toBe(true);
    const form = await click({ verb: verbs.openReview, caseId });
    const targets = view.stage!.plan.targets;
    for (const t of targets) expect(input(form, metInputId(t.targetId))).toBeDefined();
    const heldOn = input(form, inputIds.heldOn)?.value;
    const incomplete = await click({ verb: verbs.recordReview, caseId, heldOn });
    expect(text(incomplete)).toContain('an outcome and evidence for every target');
    expect(await eventsOf('ReviewRecorded')).toHaveLength(0);
    const answers = Object.fromEntries(
      targets.flatMap((t) => [
        [metInputId(t.targetId), 'false'],
        [evidenceInputId(t.targetId), 'Not yet consistent'],
      ]),
    );
    const done = await click({ verb: verbs.recordReview, caseId, heldOn, ...answers });
    expect(text(done)).toContain('The review is recorded.');
    const recorded = await eventsOf('ReviewRecorded');
    expect(recorded).toHaveLength(1);
    expect((recorded[0]?.data as { review: { allMet: boolean } }).review.allMet).toBe(false);
  });
});
