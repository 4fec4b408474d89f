import type { CaseCommandType } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import type { Role } from '@shared/domain/roles';
import { allInstances, stageDefinition } from '@shared/domain/stage-lookup';
import type { StageInstance } from '@shared/domain/state';
import type { AvailableCommand } from '@shared/domain/view';
import { reviewWindow } from '@shared/domain/review-window';
import { BF, ME, sharpTarget, today } from './engine-fixtures';
import { participant, type EngineHarness } from './engine-harness';

/** Someone who may act on a case in an exploration, with a short name for printed paths. */
export interface Persona {
  readonly key: string;
  readonly who: Identity;
}

/** Everyone who may act on a case of a procedure (as opened by the fixtures). */
export function personasFor(procedureId: string): Persona[] {
  const people: Record<string, Identity> = procedureId === 'mid-essex-itt' ? ME : BF;
  return Object.entries(people).map(([key, who]) => ({ key, who }));
}

/** People not yet in a case, who may be added with a role (to explore later signers). */
export function sparePeople(procedureId: string): [Role, Identity][] {
  return procedureId === 'mid-essex-itt'
    ? [
        ['mentor', ME.secondMentor],
        ['leadSubjectTutor', ME.leadSubjectTutor],
        ['professionalMentor', ME.professionalTutor],
      ]
    : [
        ['mentor', BF.secondMentor],
        ['professionalMentor', BF.professionalMentor],
        ['director', BF.director],
      ];
}

const activeIds = (h: EngineHarness, roles?: readonly Role[]) =>
  h
    .mustState()
    .participants.filter(
      (p) => p.removedAt === null && (roles === undefined || roles.includes(p.role)),
    )
    .map((p) => p.participantId);

function observers(h: EngineHarness, roles: readonly Role[]): string[] | null {
  const ids = roles.map((r) => activeIds(h, [r])[0]);
  return ids.every((id): id is string => id !== undefined) ? ids : null;
}

/** A date inside the current stage's review window that counts on the provider calendar, if any. */
function reviewDateFor(h: EngineHarness): string | null {
  const state = h.mustState();
  const instance = state.current;
  const stage = instance === null ? undefined : stageDefinition(h.definition, instance.stageId);
  if (instance === null || stage === undefined) return null;
  const ctx = h.ctx();
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const unit = window?.unit ?? 'working';
  const start = new Date(`${today(h)}T12:00:00Z`);
  for (let d = 1; d <= 40; d++) {
    const date = new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    if (window?.earliest != null && date < window.earliest) continue;
    if (window?.latest != null && date > window.latest) return null;
    if (ctx.calendar.isCountingDay(date, unit)) return date;
  }
  return null;
}

/**
 * Concrete commands for one option `availableCommands` offered to a person: the option's fixed
 * params plus the free arguments a real user would give (met / not met, declined / lodged ...).
 */
export function variants(
  h: EngineHarness,
  who: Identity,
  option: AvailableCommand,
): Record<string, unknown>[] {
  const p = option.params;
  const state = h.mustState();
  const current = state.current;
  const stage = current === null ? undefined : stageDefinition(h.definition, current.stageId);
  const date = today(h);
  switch (option.type) {
    case 'addParticipant':
      return sparePeople(h.definition.id)
        .filter(
          ([role, person]) =>
            !state.participants.some(
              (x) => x.removedAt === null && x.role === role && x.oid === person.oid,
            ),
        )
        .map(([role, person]) => ({
          type: 'addParticipant',
          participant: participant(role, person),
        }));
    case 'removeParticipant':
      return [{ type: 'removeParticipant', participantId: p.participantId }];
    case 'raiseConcern': {
      const categories = h.definition.concern.categories;
      const ordinary = categories.find((c) => !c.specialCategory) ?? categories[0]!;
      const special = categories.find((c) => c.specialCategory);
      return [
        { type: 'raiseConcern', category: ordinary.id, description: 'Lessons lack structure' },
        {
          type: 'raiseConcern',
          category: ordinary.id,
          description: 'Significant breach of acceptable behaviour',
          seriousIncident: true,
        },
        ...(special === undefined
          ? []
          : [{ type: 'raiseConcern', category: special.id, description: 'Medical circumstances' }]),
      ];
    }
    case 'startStage': {
      const observationIds = allInstances(state).flatMap((i) =>
        i.observations.map((o) => o.observationId),
      );
      return [
        {
          type: 'startStage',
          stageId: p.stageId,
          entryId: p.entryId,
          reason: 'Explored',
          evidence: { writtenReports: ['Written report from school'], observationIds },
        },
      ];
    }
    case 'setPlanDetails':
      return [
        {
          type: 'setPlanDetails',
          overview: 'Overview of support required',
          supportMeasures: 'Planning support',
        },
      ];
    case 'addTarget':
      return [sharpTarget(`Target ${(current?.plan.targets.length ?? 0) + 1}`)];
    case 'updateTarget':
      return [{ ...sharpTarget('Updated target'), type: 'updateTarget', targetId: p.targetId }];
    case 'removeTarget':
      return [{ type: 'removeTarget', targetId: p.targetId }];
    case 'setReviewDate': {
      const reviewDate = reviewDateFor(h);
      return reviewDate === null ? [] : [{ type: 'setReviewDate', reviewDate }];
    }
    case 'signPlan':
      return [
        { type: 'signPlan', planVersion: p.planVersion, role: p.role, typedFullName: who.name },
      ];
    case 'scheduleMeeting':
      return [
        {
          type: 'scheduleMeeting',
          meetingDefinitionId: p.meetingDefinitionId,
          start: new Date(h.now.getTime() + 86_400_000).toISOString(),
          durationMinutes: 45,
          online: true,
          attendees: activeIds(h),
        },
      ];
    case 'recordMeetingHeld':
      return [{ type: 'recordMeetingHeld', meetingId: p.meetingId, notes: 'Held' }];
    case 'cancelMeeting':
      return [{ type: 'cancelMeeting', meetingId: p.meetingId, reason: 'Rearranged' }];
    case 'recordObservation': {
      const defined = (stage?.observations ?? []).flatMap((o) => {
        const ids = observers(h, o.observers[0]!);
        return ids === null
          ? []
          : [
              {
                type: 'recordObservation',
                observationDefinitionId: o.id,
                date,
                observers: ids,
                notes: 'Observed',
              },
            ];
      });
      const any = activeIds(h).slice(1, 2);
      return [
        ...defined,
        {
          type: 'recordObservation',
          observationDefinitionId: null,
          date,
          observers: any,
          notes: 'Observed',
        },
      ];
    }
    case 'recordReview': {
      const targets = current?.plan.targets ?? [];
      const outcomes = (met: boolean) =>
        targets.map((t) => ({ targetId: t.targetId, met, evidence: met ? 'Met' : 'Not met' }));
      return [
        { type: 'recordReview', heldOn: date, outcomes: outcomes(true) },
        { type: 'recordReview', heldOn: date, outcomes: outcomes(false) },
      ];
    }
    case 'recordFinalOutcome':
      return [
        { type: 'recordFinalOutcome', progress: 'sufficient', notes: 'Sufficient progress' },
        {
          type: 'recordFinalOutcome',
          progress: 'insufficient',
          basis: 'unlikely-to-progress',
          agreedBy: activeIds(h).slice(0, 10),
          notes: 'Agreed',
        },
        {
          type: 'recordFinalOutcome',
          progress: 'insufficient',
          basis: 'serious-negative-impact',
          agreedBy: [],
          notes: 'Serious impact',
        },
      ];
    case 'completeDuty':
      return [{ type: 'completeDuty', dutyId: p.dutyId }];
    case 'recordAppealDecision':
      return [
        { type: 'recordAppealDecision', decision: 'declined' },
        { type: 'recordAppealDecision', decision: 'lodged' },
      ];
    case 'recordAppealOutcome':
      return [
        { type: 'recordAppealOutcome', outcome: 'upheld', notes: 'Upheld' },
        { type: 'recordAppealOutcome', outcome: 'dismissed', notes: 'Dismissed' },
      ];
    case 'addComment':
      return [
        { type: 'addComment', text: 'A comment' },
        { type: 'addComment', text: 'A staff note', visibility: 'staff' },
      ];
    case 'recordImp':
      return [
        {
          type: 'recordImp',
          pointId: 'IMP1',
          grades: [{ indicator: 'AI 1.1', grade: 'insufficient' }],
          partTwoMet: true,
          coreValues: ['committed'],
        },
        {
          type: 'recordImp',
          pointId: 'IMP3',
          grades: [{ indicator: 'AI 1.1', grade: 'securing' }],
          partTwoMet: true,
          coreValues: ['committed', 'optimistic', 'research-engaged', 'effective'],
          standardsMetInFull: true,
        },
      ];
    case 'closeCase':
      return [{ type: 'closeCase', closureId: p.closureId, notes: 'Closed' }];
    case 'retryDelivery':
      return [{ type: 'retryDelivery', effectId: p.effectId }];
    case 'acknowledgeConcern':
      return [{ type: 'acknowledgeConcern', concernId: p.concernId }];
    case 'correctEntry':
      return correctionVariants(current, p);
    case 'recordDfeHandoff':
      return [{ type: 'recordDfeHandoff', ...dfeHandoff(date) }];
  }
}

/** A DfE handoff row (ME-70). */
function dfeHandoff(date: string) {
  return {
    boardDate: date,
    decision: 'withdrawn',
    whoChose: 'provider',
    reasonCategory: 'lack-of-progress-during-placements',
    effectiveDate: date,
  };
}

/** A correction of the entry an option names (issue 12), with a reason. */
function correctionVariants(
  current: StageInstance | null,
  p: AvailableCommand['params'],
): Record<string, unknown>[] {
  const reason = 'Recorded in error';
  const id = String(p.entryId);
  const observation = current?.observations.find((o) => o.observationId === id);
  const review = current?.reviews.find((r) => r.reviewId === id);
  switch (p.kind) {
    case 'observation':
      return observation === undefined
        ? []
        : [
            {
              type: 'correctEntry',
              reason,
              correction: {
                kind: 'observation',
                observationId: id,
                date: observation.date,
                observers: observation.observers,
                notes: 'Corrected notes',
              },
            },
          ];
    case 'review':
      return review === undefined
        ? []
        : [
            {
              type: 'correctEntry',
              reason,
              correction: {
                kind: 'review',
                reviewId: id,
                heldOn: review.heldOn,
                outcomes: review.outcomes.map((o) => ({ ...o, met: !o.met })),
              },
            },
          ];
    case 'duty':
      return [{ type: 'correctEntry', reason, correction: { kind: 'duty', dutyId: id } }];
    case 'finalOutcome':
      return [
        {
          type: 'correctEntry',
          reason,
          correction: { kind: 'finalOutcome', progress: 'sufficient', notes: 'Corrected' },
        },
      ];
    default:
      return [
        {
          type: 'correctEntry',
          reason,
          correction: { kind: 'meeting', meetingId: id, held: false },
        },
      ];
  }
}

const person99: Identity = {
  tid: '11111111-0000-4000-8000-000000000000',
  oid: '11111111-0000-4000-8000-000000000099',
  name: 'Nia Newcomer',
};

/** One well-formed command of every type, with arguments that need not fit the case (for refusals). */
export function oneOfEachType(
  h: EngineHarness,
  who: Identity,
): Record<CaseCommandType, Record<string, unknown>> {
  const someone = activeIds(h)[0] ?? 'id0000000001';
  const date = today(h);
  return {
    addParticipant: { type: 'addParticipant', participant: participant('mentor', person99) },
    removeParticipant: { type: 'removeParticipant', participantId: someone },
    recordDfeHandoff: { type: 'recordDfeHandoff', ...dfeHandoff(date) },
    correctEntry: {
      type: 'correctEntry',
      reason: 'Recorded in error',
      correction: { kind: 'duty', dutyId: 'no-such-duty' },
    },
    raiseConcern: {
      type: 'raiseConcern',
      category: h.definition.concern.categories[0]!.id,
      description: 'Late concern',
    },
    startStage: { type: 'startStage', stageId: h.definition.stages[0]!.id, reason: 'Late' },
    setPlanDetails: { type: 'setPlanDetails', overview: 'x' },
    addTarget: sharpTarget('Late target'),
    updateTarget: { ...sharpTarget('Late'), type: 'updateTarget', targetId: 'id0000000001' },
    removeTarget: { type: 'removeTarget', targetId: 'id0000000001' },
    setReviewDate: { type: 'setReviewDate', reviewDate: '2030-01-07' },
    signPlan: { type: 'signPlan', planVersion: 1, typedFullName: who.name },
    scheduleMeeting: {
      type: 'scheduleMeeting',
      meetingDefinitionId: 'any-meeting',
      start: '2030-01-07T10:00:00Z',
      durationMinutes: 30,
      online: true,
      attendees: [someone],
    },
    recordMeetingHeld: { type: 'recordMeetingHeld', meetingId: 'id0000000001', notes: 'x' },
    cancelMeeting: { type: 'cancelMeeting', meetingId: 'id0000000001', reason: 'x' },
    recordObservation: { type: 'recordObservation', date, observers: [someone], notes: 'x' },
    recordReview: {
      type: 'recordReview',
      heldOn: date,
      outcomes: [{ targetId: 'id0000000001', met: true, evidence: 'x' }],
    },
    recordFinalOutcome: { type: 'recordFinalOutcome', progress: 'sufficient', notes: 'x' },
    completeDuty: { type: 'completeDuty', dutyId: 'any-duty' },
    recordAppealDecision: { type: 'recordAppealDecision', decision: 'declined' },
    recordAppealOutcome: { type: 'recordAppealOutcome', outcome: 'upheld', notes: 'x' },
    addComment: { type: 'addComment', text: 'Late comment' },
    recordImp: {
      type: 'recordImp',
      pointId: 'IMP1',
      grades: [{ indicator: 'AI 1.1', grade: 'emerging' }],
      partTwoMet: true,
    },
    closeCase: { type: 'closeCase', closureId: 'any-closure', notes: 'x' },
    retryDelivery: { type: 'retryDelivery', effectId: '0000000001-000' },
    acknowledgeConcern: { type: 'acknowledgeConcern', concernId: 'conc-00000001' },
  };
}
