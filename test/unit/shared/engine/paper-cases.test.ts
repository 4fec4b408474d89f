import { buildCaseView } from '@shared/domain/case-view';
import { actorFor } from '@shared/domain/actor';
import { EngineHarness, participant, person } from '../../../support/engine-harness';

// Issue 11 item 8: moving a paper case in. Recording from paper rests on ME-06 (interventions
// are recorded on the ISP paperwork) and is allowed to the roles in `paperRecords` (ME-07).
const ct = person(1, 'Carol Tutor');
const mentor = person(2, 'Mo Mentor', 2);
const pt = person(3, 'Pat Professional', 2);
const trainee = person(6, 'Tara Trainee');

const today = '2025-01-20T09:00:00Z'; // a Monday

function openPaperCase(openedOnPaper: string | null = '2024-12-02'): EngineHarness {
  const h = new EngineHarness('mid-essex-itt', today, [
    { ...ct, email: null, role: 'courseTutor' },
  ]);
  const refusal = h.open(ct, {
    trainee: {
      name: trainee.name,
      tid: trainee.tid,
      oid: trainee.oid,
      route: 'secondary',
      subject: 'Maths',
      school: 'Chelmsford High',
      placement: 'A',
    },
    participants: [
      participant('courseTutor', ct),
      participant('mentor', mentor),
      participant('professionalMentor', pt),
    ],
    ...(openedOnPaper === null ? {} : { openedOnPaper }),
  });
  if (refusal !== null) throw new Error(refusal.message);
  h.ok(pt, {
    type: 'raiseConcern',
    category: 'teaching',
    description: 'Behaviour management is weak',
  });
  return h;
}

const paperStage1 = (startedOn: string) => ({
  type: 'startStage',
  stageId: 'stage-1',
  entryId: 'not-yet-on-trajectory',
  reason: 'ISP started on paper before the product was adopted',
  recordedFromPaper: { startedOn },
});

function view(h: EngineHarness) {
  const state = h.mustState();
  return buildCaseView(h.ctx(), state, actorFor(state, h.staff, ct));
}

function addTarget(h: EngineHarness) {
  h.ok(ct, {
    type: 'addTarget',
    text: 'Manage low-level disruption',
    actions: ['Plan each lesson with a behaviour strategy'],
    indicators: ['AI 3.2'],
    monitoring: 'Weekly observation',
    successCriteria: 'Two consecutive lessons with low-level disruption handled',
  });
}

const ispMeeting = (h: EngineHarness, start: string) => ({
  type: 'scheduleMeeting',
  meetingDefinitionId: 'stage-1-meeting',
  start,
  durationMinutes: 60,
  online: false,
  attendees: [h.participantId(mentor), h.participantId(pt), h.participantId(trainee)],
  recordedFromPaper: { notes: 'ISP agreed with the trainee (paper record)' },
});

describe('Moving a paper case in (issue 11 item 8; ME-06, ME-07)', () => {
  it('ME-06, ME-16, ME-27: a Stage 1 started 8 school days ago has its review window counted from that date', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-08'));
    const stage = view(h).stage!;
    expect(stage.startedOn).toBe('2025-01-08');
    const { calendar } = h.ctx();
    expect(calendar.addDays('2025-01-08', 8, 'school')).toBe('2025-01-20');
    expect(stage.reviewWindow?.earliest).toBe(calendar.addDays('2025-01-08', 5, 'school'));
    expect(stage.reviewWindow?.latest).toBe(calendar.addDays('2025-01-08', 10, 'school'));
    expect(stage.reviewWindow?.latest).toBe('2025-01-22');
    expect(stage.reviewOverdue).toBe(false);
    expect(stage.paperRecords).toEqual([
      expect.objectContaining({
        entry: 'stage',
        occurredOn: '2025-01-08',
        text: 'Recorded from paper by Carol Tutor on 2025-01-20',
      }),
    ]);
  });

  it('ME-06, ME-16, ME-27: a Stage 1 started 12 school days ago is overdue (its window closed on 2025-01-16)', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-02'));
    const stage = view(h).stage!;
    expect(stage.reviewWindow?.latest).toBe('2025-01-16');
    expect(stage.reviewOverdue).toBe(true);
  });

  it('ME-06, ME-25: a past ISP meeting recorded from paper is held, marked, and sends no invitation', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-08'));
    const before = h.effects.length;
    h.ok(ct, ispMeeting(h, '2025-01-09T15:30:00Z'));
    const meeting = h.mustState().current!.meetings[0]!;
    expect(meeting.status).toBe('held');
    expect(meeting.start).toBe('2025-01-09T15:30:00Z');
    expect(meeting.notes).toBe('ISP agreed with the trainee (paper record)');
    expect(meeting.fromPaper).toEqual({
      enteredBy: h.participantId(ct),
      enteredAt: '2025-01-20T09:00:00.000Z',
    });
    expect(h.effects.slice(before).map((e) => e.kind)).toEqual(['refreshCaseCard']);
    expect(view(h).stage!.paperRecords!.map((m) => [m.entry, m.occurredOn])).toEqual([
      ['stage', '2025-01-08'],
      ['meeting', '2025-01-09'],
    ]);
  });

  it('ME-06, ME-28, ME-80: a past signature recorded from paper carries its date and who entered it', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-08'));
    addTarget(h);
    const planVersion = h.mustState().current!.plan.version;
    h.ok(ct, {
      type: 'signPlan',
      planVersion,
      typedFullName: trainee.name,
      recordedFromPaper: { participantId: h.participantId(trainee), signedOn: '2025-01-09' },
    });
    const signature = h.mustState().current!.signatures[0]!;
    expect(signature.participantId).toBe(h.participantId(trainee));
    expect(signature.role).toBe('trainee');
    expect(signature.signedAt).toBe('2025-01-09T12:00:00.000Z');
    expect(signature.fromPaper?.enteredBy).toBe(h.participantId(ct));
    const slot = view(h).stage!.signers.find((s) => s.role === 'trainee');
    expect(slot?.signed?.fromPaper).toBeDefined();
    // The typed name must still be the signer's (ME-80).
    expect(
      h.run(ct, {
        type: 'signPlan',
        planVersion,
        typedFullName: 'Someone Else',
        recordedFromPaper: { participantId: h.participantId(mentor), signedOn: '2025-01-09' },
      })?.code,
    ).toBe('SIGNATURE_NAME_MISMATCH');
  });

  it('ME-06: a stage start before the case was opened is refused, naming the rule and the date to give', () => {
    const h = openPaperCase(null);
    const refusal = h.run(ct, paperStage1('2025-01-08'));
    expect(refusal?.code).toBe('PAPER_DATE_BEFORE_CASE_OPENED');
    expect(refusal?.rules).toEqual(['ME-06', 'ME-07']);
    expect(refusal?.message).toMatch(/openedOnPaper/);
    expect(h.mustState().current).toBeNull();
  });

  it('ME-06: dates in the future are refused (stage start, meeting, signature)', () => {
    const h = openPaperCase();
    expect(h.run(ct, paperStage1('2025-01-21'))?.code).toBe('PAPER_DATE_IN_FUTURE');
    h.ok(ct, paperStage1('2025-01-08'));
    expect(h.run(ct, ispMeeting(h, '2025-01-20T15:00:00Z'))?.code).toBe('PAPER_DATE_IN_FUTURE');
    addTarget(h);
    expect(
      h.run(ct, {
        type: 'signPlan',
        planVersion: h.mustState().current!.plan.version,
        typedFullName: trainee.name,
        recordedFromPaper: { participantId: h.participantId(trainee), signedOn: '2025-01-25' },
      })?.code,
    ).toBe('PAPER_DATE_IN_FUTURE');
  });

  it('ME-06: out of order is refused: a meeting, observation or signature before the stage started, a stage before the last entry', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-08'));
    const early = h.run(ct, ispMeeting(h, '2025-01-06T10:00:00Z'));
    expect(early?.code).toBe('PAPER_DATE_OUT_OF_ORDER');
    expect(early?.rules).toEqual(['ME-06', 'ME-07']);
    expect(
      h.run(ct, {
        type: 'recordObservation',
        date: '2025-01-07',
        observers: [h.participantId(mentor)],
        notes: 'Observed on paper',
        recordedFromPaper: {},
      })?.code,
    ).toBe('PAPER_DATE_OUT_OF_ORDER');
    h.ok(ct, {
      type: 'recordObservation',
      date: '2025-01-10',
      observers: [h.participantId(mentor)],
      notes: 'Observed on paper',
      recordedFromPaper: {},
    });
    expect(h.mustState().current!.observations[0]!.fromPaper).toBeDefined();
    expect(h.mustState().current!.meetings).toHaveLength(0);
  });

  it('ME-06, ME-14: a paper stage that would start before the previous stage’s last entry is out of order', () => {
    const h = openPaperCase();
    h.ok(ct, {
      type: 'startStage',
      stageId: 'pre-stage-1',
      reason: 'PT contacted Mid Essex',
      recordedFromPaper: { startedOn: '2024-12-05' },
    });
    h.ok(ct, {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'pre-stage-1-discussion',
      start: '2024-12-10T15:00:00Z',
      durationMinutes: 60,
      online: false,
      attendees: [h.participantId(ct), h.participantId(mentor), h.participantId(pt)],
      recordedFromPaper: { notes: 'Discussed on paper' },
    });
    h.ok(ct, { type: 'completeDuty', dutyId: 'evidence-gathered' });
    const isp = { type: 'startStage', stageId: 'stage-1', entryId: 'isp', reason: 'ISP' };
    expect(h.run(ct, { ...isp, recordedFromPaper: { startedOn: '2024-12-09' } })?.code).toBe(
      'PAPER_DATE_OUT_OF_ORDER',
    );
    h.ok(ct, { ...isp, recordedFromPaper: { startedOn: '2024-12-11' } });
    expect(h.mustState().current!.startedOn).toBe('2024-12-11');
  });

  it('ME-06, ME-07: a role the procedure does not let record from paper is refused', () => {
    const h = openPaperCase();
    h.ok(ct, paperStage1('2025-01-08'));
    // The mentor may schedule the ISP meeting (ME-25) but not enter it from paper.
    const meeting = h.run(mentor, ispMeeting(h, '2025-01-09T15:30:00Z'));
    expect(meeting?.code).toBe('PAPER_RECORD_NOT_ALLOWED');
    expect(meeting?.rules).toEqual(['ME-06', 'ME-07']);
    addTarget(h);
    const signature = h.run(mentor, {
      type: 'signPlan',
      planVersion: h.mustState().current!.plan.version,
      typedFullName: trainee.name,
      recordedFromPaper: { participantId: h.participantId(trainee), signedOn: '2025-01-09' },
    });
    expect(signature?.code).toBe('PAPER_RECORD_NOT_ALLOWED');
    // The trainee cannot enter their own signature from paper either.
    expect(
      h.run(trainee, {
        type: 'signPlan',
        planVersion: h.mustState().current!.plan.version,
        typedFullName: trainee.name,
        recordedFromPaper: { participantId: h.participantId(trainee), signedOn: '2025-01-09' },
      })?.code,
    ).toBe('PAPER_RECORD_NOT_ALLOWED');
    expect(h.mustState().current!.signatures).toHaveLength(0);
  });

  it('ME-06: only staff who record from paper may give an opened-on-paper date, and not a future one', () => {
    const h = new EngineHarness('mid-essex-itt', today, [
      { ...ct, email: null, role: 'courseTutor' },
    ]);
    const input = {
      trainee: {
        name: trainee.name,
        route: 'secondary',
        subject: 'Maths',
        school: 'Chelmsford High',
        placement: 'A',
      },
      openedOnPaper: '2025-02-01',
    };
    expect(h.open(ct, input)?.code).toBe('PAPER_DATE_IN_FUTURE');
    expect(h.state).toBeNull();
  });
});
