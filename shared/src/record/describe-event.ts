import type { TimedReminderKind } from '../domain/due/due-kinds';
import type { CaseEvent } from '../domain/events';
import { roleLabel, stageDefinition } from '../domain/stage-lookup';
import type { CaseState, StageInstance, Target } from '../domain/state';
import type { ProcedureDefinition } from '../procedures/schema';
import { describeCorrection } from './describe-correction';
import { describeDelivery } from './describe-delivery';

/** What a history entry says in plain English, with the rule ids involved. */
export interface EventDescription {
  readonly summary: string;
  /** Further lines: each field that changed, each target outcome. */
  readonly changes: readonly string[];
  readonly rules: readonly string[];
  /** True when special category or staff-only content was withheld from this reader. */
  readonly redacted: boolean;
}

/** What this reader may see, decided exactly as the case view decides it. */
export interface Visibility {
  readonly specialCategory: boolean;
  readonly staff: boolean;
}

/** Everything a describer reads. */
export interface DescribeInput<E extends CaseEvent = CaseEvent> {
  readonly definition: ProcedureDefinition;
  readonly before: CaseState | null;
  readonly after: CaseState;
  readonly event: E;
  readonly visibility: Visibility;
}

type Describer<E extends CaseEvent> = (input: DescribeInput<E>) => EventDescription;
type Describers = {
  readonly [K in CaseEvent['type']]?: Describer<Extract<CaseEvent, { type: K }>>;
};

const said = (summary: string, rules: readonly string[] = [], changes: readonly string[] = []) => ({
  summary,
  changes,
  rules: [...new Set(rules)],
  redacted: false,
});

function stageOf(input: DescribeInput, instance: StageInstance | null | undefined) {
  return instance === null || instance === undefined
    ? undefined
    : stageDefinition(input.definition, instance.stageId);
}

/** The stage the event happened in: current before it, else current after it. */
function stageAt(input: DescribeInput) {
  const instance = input.before?.current ?? input.after.current;
  return { instance, stage: stageOf(input, instance) };
}

const targetFieldNames: readonly [keyof Target, string][] = [
  ['text', 'target text'],
  ['actions', 'actions'],
  ['indicators', 'linked assessment indicators'],
  ['monitoring', 'monitoring'],
  ['successCriteria', 'success criteria'],
];

function targetNumber(instance: StageInstance | null | undefined, targetId: string): number {
  return (instance?.plan.targets.findIndex((t) => t.targetId === targetId) ?? -1) + 1;
}

function changedFields(old: Target | undefined, next: Target): string[] {
  if (old === undefined) return ['target text'];
  return targetFieldNames
    .filter(([key]) => JSON.stringify(old[key]) !== JSON.stringify(next[key]))
    .map(([, name]) => name);
}

function participantName(state: CaseState, participantId: string): string {
  const p = state.participants.find((x) => x.participantId === participantId);
  return p === undefined ? 'someone no longer named' : p.name;
}

function meetingLabel(input: DescribeInput, meetingId: string): string {
  const { instance, stage } = stageAt(input);
  const meeting = instance?.meetings.find((m) => m.meetingId === meetingId);
  return stage?.meetings.find((m) => m.id === meeting?.definitionId)?.label ?? 'Meeting';
}

function meetingRules(input: DescribeInput, meetingId: string): readonly string[] {
  const { instance, stage } = stageAt(input);
  const meeting = instance?.meetings.find((m) => m.meetingId === meetingId);
  return stage?.meetings.find((m) => m.id === meeting?.definitionId)?.rules ?? [];
}

const planDescribers: Describers = {
  PlanDetailsSet: (i) => {
    const old = i.before?.current?.plan;
    const changes = [
      ...(old?.overview === i.event.overview ? [] : ['Overview changed']),
      ...(old?.supportMeasures === i.event.supportMeasures ? [] : ['Support measures changed']),
    ];
    return said(
      `Plan version ${String(i.event.planVersion)}: details set`,
      stageAt(i).stage?.plan?.rules ?? [],
      changes,
    );
  },
  TargetAdded: (i) => {
    const n = targetNumber(i.after.current, i.event.target.targetId);
    return said(
      `Target ${String(n)} added: ${i.event.target.text}`,
      stageAt(i).stage?.plan?.rules ?? [],
      [`Plan version ${String(i.event.planVersion)}`],
    );
  },
  TargetUpdated: (i) => {
    const n = targetNumber(i.after.current, i.event.target.targetId);
    const old = i.before?.current?.plan.targets.find((t) => t.targetId === i.event.target.targetId);
    const fields = changedFields(old, i.event.target);
    const what = fields.length === 0 ? 'no field changed' : fields.join(', ');
    return said(`Target ${String(n)} changed: ${what}`, stageAt(i).stage?.plan?.rules ?? [], [
      `Plan version ${String(i.event.planVersion)}`,
    ]);
  },
  TargetRemoved: (i) => {
    const n = targetNumber(i.before?.current, i.event.targetId);
    const old = i.before?.current?.plan.targets.find((t) => t.targetId === i.event.targetId);
    return said(
      `Target ${String(n)} removed: ${old?.text ?? ''}`.trim(),
      stageAt(i).stage?.plan?.rules ?? [],
      [`Plan version ${String(i.event.planVersion)}`],
    );
  },
  ReviewDateSet: (i) => {
    const old = i.before?.current?.plan.reviewDate ?? null;
    const from = old === null ? '' : ` (was ${old})`;
    return said(
      `Review date set to ${i.event.reviewDate}${from}`,
      stageAt(i).stage?.reviewDate?.rules ?? [],
    );
  },
  SignaturesVoided: (i) =>
    said(
      `${String(i.event.count)} signature(s) voided: the plan changed after signing (now version ${String(i.event.planVersion)})`,
      stageAt(i).stage?.signatures?.rules ?? [],
    ),
  PlanSigned: (i) =>
    said(
      `Signed plan version ${String(i.event.signature.planVersion)} as ${roleLabel(i.definition, i.event.signature.role)}`,
      stageAt(i).stage?.signatures?.rules ?? [],
      [`Typed signature: ${i.event.signature.typedFullName}`],
    ),
  PlanFullySigned: (i) =>
    said(
      `Plan version ${String(i.event.planVersion)} fully signed by everyone required`,
      stageAt(i).stage?.signatures?.rules ?? [],
    ),
};

const stageDescribers: Describers = {
  StageStarted: (i) => {
    const stage = stageDefinition(i.definition, i.event.stageId);
    const entry = stage?.entries.find((e) => e.id === i.event.entryId);
    return said(
      `Started ${stage?.label ?? i.event.stageId}`,
      [...(entry?.rules ?? []), ...(stage?.rules ?? [])],
      [`Reason: ${i.event.reason}`, ...(entry === undefined ? [] : [`Route: ${entry.label}`])],
    );
  },
  StageEnded: (i) => {
    const stage = stageOf(i, i.before?.current);
    return said(`${stage?.label ?? 'The stage'} ended`, stage?.rules ?? []);
  },
  MeetingScheduled: (i) => {
    const stage = stageAt(i).stage;
    const def = stage?.meetings.find((m) => m.id === i.event.meeting.definitionId);
    const how = i.event.meeting.online ? 'online' : 'in person';
    return said(
      `Scheduled ${def?.label ?? 'a meeting'} for ${i.event.meeting.start} (${how})`,
      def?.rules ?? [],
      [
        `Attendees: ${i.event.meeting.attendees.map((a) => participantName(i.after, a)).join(', ')}`,
      ],
    );
  },
  MeetingHeld: (i) =>
    said(
      `Recorded ${meetingLabel(i, i.event.meetingId)} as held`,
      meetingRules(i, i.event.meetingId),
      [`Notes: ${i.event.notes}`],
    ),
  MeetingCancelled: (i) =>
    said(`Cancelled ${meetingLabel(i, i.event.meetingId)}`, meetingRules(i, i.event.meetingId), [
      `Reason: ${i.event.reason}`,
    ]),
  ObservationRecorded: (i) => {
    const def = stageAt(i).stage?.observations.find(
      (o) => o.id === i.event.observation.definitionId,
    );
    return said(
      `Recorded ${def?.label ?? 'an observation'} on ${i.event.observation.date}`,
      def?.rules ?? [],
      [
        `Observers: ${i.event.observation.observers.map((o) => participantName(i.after, o)).join(', ')}`,
        `Notes: ${i.event.observation.notes}`,
      ],
    );
  },
  ReviewRecorded: (i) => {
    const { instance, stage } = stageAt(i);
    const outcomes = i.event.review.outcomes;
    const met = outcomes.filter((o) => o.met).length;
    return said(
      `Recorded the ${stage?.label ?? 'stage'} review held on ${i.event.review.heldOn}: ${String(met)} of ${String(outcomes.length)} targets met`,
      stage?.review?.rules ?? [],
      [
        ...outcomes.map(
          (o) =>
            `Target ${String(targetNumber(instance, o.targetId))}: ${o.met ? 'met' : 'not met'} (${o.evidence})`,
        ),
        ...(i.event.review.notes === '' ? [] : [`Notes: ${i.event.review.notes}`]),
      ],
    );
  },
  FinalOutcomeRecorded: (i) => {
    const o = i.event.outcome;
    const basis =
      o.basis === 'unlikely-to-progress'
        ? ': unlikely to make progress towards QTS'
        : o.basis === 'serious-negative-impact'
          ? ': serious negative impact on pupil learning'
          : '';
    const which =
      o.progress === 'sufficient'
        ? 'Outcome 1, sufficient progress'
        : `Outcome 2, insufficient progress${basis}`;
    return said(
      `Recorded the final outcome: ${which}`,
      o.progress === 'sufficient' ? ['ME-61'] : ['ME-62'],
      [
        ...(o.agreedBy.length === 0
          ? []
          : [`Agreed by: ${o.agreedBy.map((a) => participantName(i.after, a)).join(', ')}`]),
        `Notes: ${o.notes}`,
      ],
    );
  },
  DutyCompleted: (i) => {
    const duty = stageAt(i).stage?.duties.find((d) => d.id === i.event.duty.dutyId);
    return said(
      `Done: ${duty?.label ?? i.event.duty.dutyId}`,
      duty?.rules ?? [],
      i.event.duty.notes === '' ? [] : [`Notes: ${i.event.duty.notes}`],
    );
  },
  DfeHandoffRecorded: (i) =>
    said(
      `Recorded the DfE handoff: the recommending board's decision on ${i.event.handoff.boardDate} was ${i.event.handoff.decision}`,
      ['ME-70'],
      [
        `Reason: ${i.event.handoff.reasonCategory}${i.event.handoff.reasonDetails === '' ? '' : ` (${i.event.handoff.reasonDetails})`}`,
        `Who chose: ${i.event.handoff.whoChose}; date: ${i.event.handoff.effectiveDate}`,
      ],
    ),
  AppealRightInformed: () => said('Trainee informed of the right of appeal', ['ME-65', 'ME-69']),
  AppealDecisionRecorded: (i) =>
    said(
      i.event.decision === 'lodged'
        ? 'Trainee lodged an appeal'
        : 'Trainee declined the right of appeal',
      ['ME-65', 'ME-66', 'ME-69'],
    ),
  AppealOutcomeRecorded: (i) => said(`Appeal ${i.event.outcome}`, ['ME-69']),
  ReviewOverdueFlagged: (i) =>
    said(
      `Review due ${i.event.dueDate} flagged as overdue`,
      stageAt(i).stage?.reviewDate?.rules ?? [],
    ),
  TimedReminderIssued: (i) =>
    said(
      i.event.recipients.length === 0
        ? `Reminder not sent: ${reminderLabels[i.event.kind]} (due ${i.event.dueOn}): nobody holds the role it goes to, on the case or in the provider's staff directory`
        : `Reminder sent: ${reminderLabels[i.event.kind]} (due ${i.event.dueOn})`,
    ),
};

/** How the history names each timed reminder (ADR 0011). */
const reminderLabels: Readonly<Record<TimedReminderKind, string>> = {
  'review-soon': 'review coming up',
  'review-today': 'review due today',
  'signatures-missing': 'signatures still missing',
  'window-closing': 'maximum period about to pass',
  'concern-unacknowledged': 'school still waiting for the course tutor to get in touch',
};

const caseDescribers: Describers = {
  CaseOpened: (i) =>
    said(
      `Opened the case for ${i.event.case.trainee.name} under ${i.definition.title} (${i.event.case.procedureVersion})`,
      ['ME-01'],
    ),
  ParticipantAdded: (i) =>
    said(
      `Added ${i.event.participant.name} as ${roleLabel(i.definition, i.event.participant.role)}`,
    ),
  ParticipantRemoved: (i) => {
    const p = i.after.participants.find((x) => x.participantId === i.event.participantId);
    return said(
      `Removed ${p?.name ?? 'a participant'}${p === undefined ? '' : ` (${roleLabel(i.definition, p.role)})`} from the case`,
    );
  },
  ConcernRaised: (i) => {
    const c = i.event.concern;
    const category = i.definition.concern.categories.find((x) => x.id === c.category);
    if (c.specialCategory && !i.visibility.specialCategory)
      return {
        summary: 'Raised a concern (special category: details restricted)',
        changes: [],
        rules: i.definition.concern.rules,
        redacted: true,
      };
    return said(
      `Raised a concern: ${category?.label ?? c.category}`,
      [...i.definition.concern.rules, ...(category?.rules ?? [])],
      [
        `Description: ${c.description}`,
        ...(c.seriousIncident ? ['Marked as a one-time serious incident'] : []),
      ],
    );
  },
  ConcernAcknowledged: () =>
    said('Acknowledged the concern raised at the school (course tutor contacted)', ['ME-05']),
  CommentAdded: (i) =>
    i.event.comment.visibility === 'staff' && !i.visibility.staff
      ? { summary: 'A staff-only note was added', changes: [], rules: [], redacted: true }
      : said(
          i.event.comment.visibility === 'staff' ? 'Added a staff-only note' : 'Added a comment',
          [],
          [i.event.comment.text],
        ),
  ImpRecorded: (i) => {
    const point = i.definition.imp.find((p) => p.id === i.event.record.pointId);
    if (!i.visibility.staff)
      return {
        summary: `Recorded ${point?.label ?? i.event.record.pointId}`,
        changes: [],
        rules: point?.rules ?? [],
        redacted: true,
      };
    return said(
      `Recorded ${point?.label ?? i.event.record.pointId}`,
      point?.rules ?? [],
      i.event.record.fired.map((f) => `Trigger: ${f.label}`),
    );
  },
  CaseClosed: (i) => {
    const stage = stageOf(i, i.before?.current);
    const closure = [...(stage?.closures ?? []), ...i.definition.closuresWithoutStage].find(
      (c) => c.id === i.event.outcomeId,
    );
    return said(`Closed the case: ${i.event.outcomeLabel}`, closure?.rules ?? [], [
      `Notes: ${i.event.notes}`,
    ]);
  },
};

const describers: Describers = { ...caseDescribers, ...stageDescribers, ...planDescribers };

/** Describes one event in plain English for a reader with `visibility` (unknown types get their name). */
export function describeEvent(input: DescribeInput): EventDescription {
  const corrected = describeCorrection(input);
  if (corrected !== undefined) return corrected;
  const delivery = describeDelivery(input.definition, input.after, input.event);
  if (delivery !== undefined) return said(delivery.summary, delivery.rules, delivery.changes);
  const describer = describers[input.event.type] as Describer<CaseEvent> | undefined;
  return describer === undefined ? said(input.event.type) : describer(input);
}
