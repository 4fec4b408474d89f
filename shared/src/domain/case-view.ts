import { todayInUk } from '../calendar';
import { applicableDuties } from '../rules/duties';
import type { Actor, DecisionContext } from './context';
import { availableCommands } from './decide';
import { dateDepartures } from './date-departures';
import { paperMarks } from './paper-view';
import { requiredMeetings } from './required-meetings';
import { reviewCountdown } from './review-countdown';
import { reviewOverdue, reviewWindow } from './review-window';
import { holdsAny } from './actor';
import { rolesParam, paramValue } from './settings';
import { fullySigned, signerSlots } from './signers';
import { roleLabel, stageDefinition } from './stage-lookup';
import type { CaseState } from './state';
import type { CaseSummary, CaseView, StageView } from './view';

function stageView(ctx: DecisionContext, state: CaseState): StageView | null {
  const instance = state.current;
  const stage = instance === null ? undefined : stageDefinition(ctx.definition, instance.stageId);
  if (instance === null || stage === undefined) return null;
  const window = reviewWindow(stage, instance, state, ctx.settings, ctx.calendar);
  const slots = signerSlots(ctx.definition, stage, instance, state, ctx.settings);
  return {
    instanceId: instance.instanceId,
    stageId: stage.id,
    label: stage.label,
    summary: stage.summary,
    formal: stage.formal,
    startedOn: instance.startedOn,
    reason: instance.reason,
    rules: stage.rules,
    plan: {
      ...instance.plan,
      targetStyle: stage.plan?.targetStyle ?? null,
      maxTargets:
        stage.plan === undefined
          ? null
          : paramValue<number | null>(ctx.settings, stage.plan.maxTargets),
    },
    reviewWindow: window,
    reviewOverdue: reviewOverdue(instance, window, todayInUk(ctx.now)),
    reviewCountdown: reviewCountdown(
      instance.plan.reviewDate,
      window,
      todayInUk(ctx.now),
      ctx.calendar,
    ),
    signers: slots,
    fullySigned: fullySigned(slots),
    meetings: instance.meetings,
    paperRecords: paperMarks(state, instance, ctx.staff),
    requiredMeetings: requiredMeetings(ctx.definition, stage, instance, ctx.settings),
    observations: instance.observations,
    reviews: instance.reviews,
    dateDepartures: dateDepartures(instance),
    duties: applicableDuties(stage, instance),
    appeal: stage.appeal ? instance.appeal : null,
    finalOutcome: instance.finalOutcome,
  };
}

/** The case as this viewer may see it: special category and staff-only content removed where not allowed (Z7). */
export function buildCaseView(ctx: DecisionContext, state: CaseState, actor: Actor): CaseView {
  const medicalOk = holdsAny(
    actor,
    rolesParam(ctx.settings, ctx.definition.specialCategoryVisibleTo),
  );
  const isStaff = actor.roles.some((r) => r !== 'trainee');
  const categories = new Map(ctx.definition.concern.categories.map((c) => [c.id, c.label]));
  return {
    caseId: state.caseId,
    providerId: state.providerId,
    providerName: ctx.definition.providerName,
    procedure: {
      id: ctx.definition.id,
      version: state.procedureVersion,
      title: ctx.definition.title,
    },
    trainee: {
      name: state.trainee.name,
      route: state.trainee.route,
      subject: state.trainee.subject,
      school: state.trainee.school,
      placement: state.trainee.placement,
    },
    status: state.status,
    stage: stageView(ctx, state),
    completedStages: state.completedStages.map((s) => ({
      instanceId: s.instanceId,
      stageId: s.stageId,
      label: stageDefinition(ctx.definition, s.stageId)?.label ?? s.stageId,
      startedOn: s.startedOn,
      endedAt: s.endedAt,
    })),
    participants: state.participants.map((p) => ({
      participantId: p.participantId,
      role: p.role,
      roleLabel: roleLabel(ctx.definition, p.role),
      name: p.name,
      active: p.removedAt === null,
      invited: p.oid === null,
    })),
    concerns: state.concerns.map((c) => {
      const hidden = c.specialCategory && !medicalOk;
      return {
        concernId: c.concernId,
        raisedAt: c.raisedAt,
        raisedByRole: c.raisedByRole,
        category: hidden ? 'restricted' : c.category,
        categoryLabel: hidden ? 'Restricted' : (categories.get(c.category) ?? c.category),
        description: hidden ? null : c.description,
        evidence: hidden ? null : c.evidence,
        seriousIncident: c.seriousIncident,
        specialCategory: c.specialCategory,
        redacted: hidden,
        acknowledgedAt: c.acknowledgedAt ?? null,
        acknowledgedBy: c.acknowledgedBy ?? null,
      };
    }),
    comments: state.comments.filter((c) => c.visibility === 'all' || isStaff),
    imp: isStaff
      ? state.imp.map((r) => ({
          impId: r.impId,
          pointId: r.pointId,
          recordedAt: r.recordedAt,
          fired: r.fired,
          notes: r.notes,
          results: r.results ?? [],
        }))
      : [],
    viewerRoles: actor.roles,
    available: availableCommands(ctx, state, actor),
    // Deliveries the relay gave up on, for staff ("invitation not sent: <reason>; retry").
    deliveryFailures: isStaff
      ? (state.deliveryFailures ?? []).map(({ effectId, kind, meetingId, reason, at }) => ({
          effectId,
          kind,
          meetingId,
          reason,
          at,
        }))
      : [],
  };
}

/** One listing row for this viewer. */
export function summarise(ctx: DecisionContext, state: CaseState, actor: Actor): CaseSummary {
  const view = stageView(ctx, state);
  const moving = new Set<string>(needsYouCommands);
  const needsYou = [
    ...new Set(
      availableCommands(ctx, state, actor)
        .map((c) => c.type)
        .filter((t) => moving.has(t)),
    ),
  ];
  return {
    caseId: state.caseId,
    providerId: state.providerId,
    traineeName: state.trainee.name,
    school: state.trainee.school,
    subject: state.trainee.subject,
    stageId: view?.stageId ?? null,
    stageLabel: view?.label ?? null,
    status: state.status.kind,
    nextReviewDate: view?.plan.reviewDate ?? view?.reviewWindow?.latest ?? null,
    reviewOverdue: view?.reviewOverdue ?? false,
    viewerRoles: actor.roles,
    reviewCountdown: view?.reviewCountdown ?? null,
    signaturesMissing: view === null ? 0 : view.signers.filter((s) => s.signed === null).length,
    needsYou,
  };
}

/** Commands that, when available to a viewer, mean the case is waiting for them. */
const needsYouCommands = [
  'signPlan',
  'recordReview',
  'completeDuty',
  'recordFinalOutcome',
  'recordAppealDecision',
  'recordAppealOutcome',
] as const;
