import { fail, ok, refuse, type Result } from '../../errors/refusal';
import type { CommandOf } from '../commands';
import type { CaseEvent, CorrectionKind, CorrectionReplacement } from '../events';
import { holdsAny } from '../actor';
import { correctionTarget, finalOutcomeEntry, type CorrectionTarget } from './correction-target';
import { recordObservationPolicy } from './observations';
import { notifyPartners, type Env, type Params, type Policy } from './policy';
import { recordFinalOutcomePolicy, recordReviewPolicy } from './reviews';

type Correct = CommandOf<'correctEntry'>;
type Correction = Correct['correction'];

function entryIdOf(c: Correction): string {
  switch (c.kind) {
    case 'observation':
      return c.observationId;
    case 'review':
      return c.reviewId;
    case 'duty':
      return c.dutyId;
    case 'finalOutcome':
      return finalOutcomeEntry;
    case 'meeting':
      return c.meetingId;
  }
}

function permit(env: Env, params: Params): Result<readonly string[]> {
  const found = correctionTarget(env, params.kind as CorrectionKind, String(params.entryId));
  if (!found.ok) return found;
  const t = found.value;
  const meeting = t.instance.meetings.find((m) => m.meetingId === t.entryId);
  const attending =
    meeting?.attendees.some((id) => env.actor.participantIds.includes(id)) === true &&
    !holdsAny(env.actor, ['trainee']);
  if (!holdsAny(env.actor, t.by) && !attending)
    return fail(
      refuse(
        'ROLE_NOT_ALLOWED',
        `Only those who may record the ${t.label} can correct it.`,
        t.rules,
      ),
    );
  const duty = t.stage.duties.find((d) => d.id === t.entryId);
  if (t.kind === 'duty' && duty?.effect !== undefined)
    return fail(
      refuse(
        'CORRECTION_NOT_ALLOWED',
        `"${duty.label}" changed the appeal record when it was done; record the appeal decision instead of withdrawing it.`,
        duty.rules,
      ),
    );
  return ok(t.rules);
}

/** The new content, validated by the policy that records such an entry in the first place. */
function replacement(env: Env, t: CorrectionTarget, c: Correction): Result<CorrectionReplacement> {
  const rules = t.rules;
  const first = (r: Result<{ events: readonly CaseEvent[] }>) => (r.ok ? ok(r.value.events[0]) : r);
  switch (c.kind) {
    case 'observation': {
      const old = t.instance.observations.find((o) => o.observationId === t.entryId);
      const made = first(
        recordObservationPolicy.apply(
          env,
          {
            type: 'recordObservation',
            observationDefinitionId: old?.definitionId ?? null,
            date: c.date,
            observers: c.observers,
            notes: c.notes,
            // A correction restates the entry; a date departure is flagged again (BF-10).
            departureReason: null,
          },
          rules,
        ),
      );
      if (!made.ok) return made;
      if (made.value?.type !== 'ObservationRecorded' || old === undefined)
        return fail(refuse('UNKNOWN_ENTRY', 'No such observation.'));
      return ok({
        kind: 'observation',
        observation: { ...made.value.observation, observationId: old.observationId },
      });
    }
    case 'review': {
      const old = t.instance.reviews.find((r) => r.reviewId === t.entryId);
      const made = first(
        recordReviewPolicy.apply(
          env,
          {
            type: 'recordReview',
            heldOn: c.heldOn,
            outcomes: c.outcomes,
            notes: c.notes,
            departureReason: null,
          },
          rules,
        ),
      );
      if (!made.ok) return made;
      if (made.value?.type !== 'ReviewRecorded' || old === undefined)
        return fail(refuse('UNKNOWN_ENTRY', 'No such review.'));
      return ok({
        kind: 'review',
        review: { ...made.value.review, reviewId: old.reviewId, planVersion: old.planVersion },
      });
    }
    case 'finalOutcome': {
      const made = first(
        recordFinalOutcomePolicy.apply(
          env,
          {
            type: 'recordFinalOutcome',
            progress: c.progress,
            basis: c.basis,
            agreedBy: c.agreedBy,
            notes: c.notes,
            // The corrected outcome is held to the latest review like the first one (ME-60..62).
            reasonAgainstReview: c.reasonAgainstReview,
          },
          rules,
        ),
      );
      if (!made.ok) return made;
      if (made.value?.type !== 'FinalOutcomeRecorded')
        return fail(refuse('UNKNOWN_ENTRY', 'No final outcome.'));
      return ok({ kind: 'finalOutcome', outcome: made.value.outcome });
    }
    case 'duty':
      return ok({ kind: 'duty', done: false });
    case 'meeting':
      if (c.held && c.notes === '')
        return fail(refuse('VALIDATION_FAILED', 'Give the corrected notes of the meeting.'));
      return ok({
        kind: 'meeting',
        status: c.held ? 'held' : 'scheduled',
        notes: c.held ? c.notes : null,
      });
  }
}

/**
 * A review outcome and the final outcome sit on the signed paperwork (ME-26 "Complete at Stage 1
 * review", BF-21 the plan "signed by all partners" at the review): correcting them voids the
 * signatures and moves the plan to a new version, exactly as a plan edit does.
 */
function voidsSignatures(t: CorrectionTarget): boolean {
  return (t.kind === 'review' || t.kind === 'finalOutcome') && t.instance.signatures.length > 0;
}

/** Correcting an observation, review, duty, final outcome or held meeting: a new event supersedes the old, with a reason. */
export const correctEntryPolicy: Policy<'correctEntry'> = {
  label: (env, p) => {
    const found = correctionTarget(env, p.kind as CorrectionKind, String(p.entryId));
    return found.ok ? `Correct the ${found.value.label}` : 'Correct an entry';
  },
  candidates: (env) => {
    const s = env.state.current;
    if (s === null) return [];
    return [
      ...s.observations.map((o) => ({ kind: 'observation', entryId: o.observationId })),
      ...s.reviews.map((r) => ({ kind: 'review', entryId: r.reviewId })),
      ...s.duties.map((d) => ({ kind: 'duty', entryId: d.dutyId })),
      ...(s.finalOutcome === null ? [] : [{ kind: 'finalOutcome', entryId: finalOutcomeEntry }]),
      ...s.meetings
        .filter((m) => m.status === 'held')
        .map((m) => ({ kind: 'meeting', entryId: m.meetingId })),
    ];
  },
  paramsOf: (c) => ({ kind: c.correction.kind, entryId: entryIdOf(c.correction) }),
  permit,
  apply: (env, c) => {
    const found = correctionTarget(env, c.correction.kind, entryIdOf(c.correction));
    if (!found.ok) return found;
    const t = found.value;
    const made = replacement(env, t, c.correction);
    if (!made.ok) return made;
    const voids = voidsSignatures(t);
    const planVersion = voids ? t.instance.plan.version + 1 : null;
    const corrected: CaseEvent = {
      type: 'EntryCorrected',
      correction: {
        kind: t.kind,
        entryId: t.entryId,
        instanceId: t.instance.instanceId,
        reason: c.reason,
      },
      replacement: made.value,
      planVersion,
    };
    const voided: CaseEvent[] =
      planVersion === null
        ? []
        : [{ type: 'SignaturesVoided', planVersion, count: t.instance.signatures.length }];
    return ok({
      events: [...voided, corrected],
      effects: notifyPartners(env, voids ? 'plan-changed' : 'review-recorded'),
    });
  },
};
